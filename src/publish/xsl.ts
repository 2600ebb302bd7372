/**
 * feed.xsl: referenced by feed.xml and atom.xml (<?xml-stylesheet?>) so that a browser opening
 * a feed shows a readable page that says what a feed is, instead of raw XML. Readers ignore it.
 * A fixed file: the feed's own data fills it in the browser.
 */
export const FEED_XSL = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <html>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root{color-scheme:light dark}
          body{margin:0 auto;max-width:44rem;padding:1.5rem 1.25rem 3rem;font:1.0625rem/1.6 system-ui,sans-serif;overflow-wrap:anywhere}
          .about{background:#fff6d6;color:#3d3100;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1.5rem}
          h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem}
          article{padding:1rem 0;border-bottom:1px solid #8884}
          h2{font-size:1.2rem;margin:0 0 .25rem}
          .meta{opacity:.75;font-size:.92rem;margin:0 0 .5rem}
        </style>
      </head>
      <body>
        <p class="about">This is a web feed. Copy this page's address into a feed reader to
          subscribe, or <a href="./">read the entries as a web page</a>.</p>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
        <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <article>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p class="meta"><xsl:value-of select="pubDate"/>
        <xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if></p>
      <!-- description is escaped HTML of a plain-text summary: let the browser decode it -->
      <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
    </article>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article>
      <h2><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="meta"><xsl:value-of select="substring(atom:published, 1, 10)"/>
        <xsl:if test="atom:author"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if></p>
      <p><xsl:value-of select="atom:summary"/></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
`;
