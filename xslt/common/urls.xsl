<?xml version="1.0" encoding="UTF-8"?>
<!--
  The one link policy of every edition (HTML pages and corpus site).

  tk:safe-href($uri)   a URI from the document (bibl/ref/@target, licence/@target,
                       any pointer) as an href, or '' when it must not be one:
                       only http:, https:, mailto: and relative references become
                       links; every other scheme (javascript:, data:, vbscript:,
                       file:, …, in any case), a protocol-relative "//host",
                       a backslash, and any control, format or space character
                       (which browsers strip or fold before they read the scheme)
                       make the caller show the value as text instead.
  tk:path-href($path)  a relative file path teikit made ("../tei/bài 1.xml") as an
                       href: every segment percent-escaped, so no file name can be
                       read as a scheme ("javascript:x.html" gives "javascript%3Ax.html").
  tk:uri-segment($s)   one path segment escaped (sub-delimiters such as "(" kept).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:link-schemes" as="xs:string+" select="'http', 'https', 'mailto'"/>

  <!-- Where an authority's id (idno/@type, lower-cased) is looked up: an id without a scheme is linked only there. -->
  <xsl:variable name="tk:authority-resolvers" as="map(xs:string, xs:string)" select="map{
      'gnd': 'https://d-nb.info/gnd/', 'viaf': 'https://viaf.org/viaf/', 'orcid': 'https://orcid.org/',
      'isni': 'https://isni.org/isni/', 'geonames': 'https://www.geonames.org/',
      'lcnaf': 'https://id.loc.gov/authorities/names/'}"/>

  <xsl:function name="tk:safe-href" as="xs:string">
    <xsl:param name="uri" as="xs:string?"/>
    <!-- XML white space around an attribute value is not part of the URI. -->
    <xsl:variable name="value" as="xs:string"
        select="replace(string($uri), '^[&#x20;&#x9;&#xA;&#xD;]+|[&#x20;&#x9;&#xA;&#xD;]+$', '')"/>
    <xsl:variable name="scheme" as="xs:string?" select="tk:uri-scheme($value)"/>
    <xsl:sequence select="
        if ($value eq '' or matches($value, '[\p{Cc}\p{Cf}\p{Z}\\]')) then ''
        else if (exists($scheme)) then (if ($scheme = $tk:link-schemes) then escape-html-uri($value) else '')
        else if (starts-with($value, '//')) then ''
        else escape-html-uri($value)"/>
  </xsl:function>

  <!-- The scheme a URI starts with, lower-cased ("https", "mailto"); none for a relative reference. -->
  <xsl:function name="tk:uri-scheme" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="if (matches($uri, '^[A-Za-z][A-Za-z0-9+.\-]*:')) then lower-case(substring-before($uri, ':')) else ()"/>
  </xsl:function>

  <xsl:function name="tk:path-href" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize($path, '/') ! (if (. = ('', '.', '..')) then . else tk:uri-segment(.)), '/')"/>
  </xsl:function>

  <!-- Per link of every page: a segment encode-for-uri left without a "%" (most ids and stems)
       has nothing to put back, and skips the twelve replaces. -->
  <xsl:function name="tk:uri-segment" as="xs:string">
    <xsl:param name="segment" as="xs:string"/>
    <xsl:variable name="encoded" select="encode-for-uri($segment)"/>
    <xsl:sequence select="if (not(contains($encoded, '%'))) then $encoded else fold-left($tk:segment-keep, $encoded,
        function ($text as xs:string, $pair as array(xs:string)) as xs:string { replace($text, $pair(1), $pair(2), 'q') })"/>
  </xsl:function>

  <!-- RFC 3986 sub-delimiters and "@": legal in a path segment, kept readable. ":" stays
       escaped: in a first segment it would start a scheme. -->
  <xsl:variable name="tk:segment-keep" as="array(xs:string)*"
      select="('!', '$', '&amp;', &quot;'&quot;, '(', ')', '*', '+', ',', ';', '=', '@')
              ! [encode-for-uri(.), .]"/>

</xsl:stylesheet>
