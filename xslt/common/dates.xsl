<?xml version="1.0" encoding="UTF-8"?>
<!--
  Human forms of ISO 8601 dates and durations: Vietnamese for 'vi'
  ("ngày 31 tháng 7 năm 2013"), English otherwise. Values that are not one of
  the shapes docs/encoding.md allows come back unchanged, never as an error.
  Digits are [0-9], never \d: \d matches any script's digits ("P٣Y"), which no
  cast to xs:integer or xs:date reads.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- YYYY-MM-DD, YYYY-MM, YYYY or a yearless MM-DD in Vietnamese words. -->
  <xsl:function name="tk:vi-date" as="xs:string">
    <xsl:param name="when" as="xs:string"/>
    <xsl:variable name="w" select="normalize-space($when)"/>
    <xsl:choose>
      <xsl:when test="$w castable as xs:date and matches($w, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')">
        <xsl:sequence select="'ngày ' || xs:integer(substring($w, 9, 2)) || ' tháng '
                              || xs:integer(substring($w, 6, 2)) || ' năm ' || substring($w, 1, 4)"/>
      </xsl:when>
      <xsl:when test="$w castable as xs:gYearMonth and matches($w, '^[0-9]{4}-[0-9]{2}$')">
        <xsl:sequence select="'tháng ' || xs:integer(substring($w, 6, 2)) || ' năm ' || substring($w, 1, 4)"/>
      </xsl:when>
      <xsl:when test="matches($w, '^[0-9]{4}$')">
        <xsl:sequence select="'năm ' || $w"/>
      </xsl:when>
      <xsl:when test="$w castable as xs:gMonthDay and matches($w, '^--[0-9]{2}-[0-9]{2}$')">
        <xsl:sequence select="'ngày ' || xs:integer(substring($w, 6, 2)) || ' tháng ' || xs:integer(substring($w, 3, 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$when"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The same shapes in English: "31 July 2013", "July 2013", "2013", "31 July". -->
  <xsl:function name="tk:en-date" as="xs:string">
    <xsl:param name="when" as="xs:string"/>
    <xsl:variable name="w" select="normalize-space($when)"/>
    <xsl:choose>
      <xsl:when test="$w castable as xs:date and matches($w, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')">
        <xsl:sequence select="format-date(xs:date($w), '[D] [MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="$w castable as xs:gYearMonth and matches($w, '^[0-9]{4}-[0-9]{2}$')">
        <xsl:sequence select="format-date(xs:date($w || '-01'), '[MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="matches($w, '^[0-9]{4}$')">
        <xsl:sequence select="$w"/>
      </xsl:when>
      <xsl:when test="$w castable as xs:gMonthDay and matches($w, '^--[0-9]{2}-[0-9]{2}$')">
        <xsl:sequence select="format-date(xs:date('2000' || substring($w, 2)), '[D] [MNn]', 'en', (), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$when"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:human-date" as="xs:string">
    <xsl:param name="when" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="if (starts-with($lang, 'vi')) then tk:vi-date($when) else tk:en-date($when)"/>
  </xsl:function>

  <!-- An ISO 8601 duration of years, months, weeks and days ("P10Y") in words. -->
  <xsl:function name="tk:human-duration" as="xs:string">
    <xsl:param name="dur" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="d" select="normalize-space($dur)"/>
    <xsl:choose>
      <xsl:when test="matches($d, '^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$') and $d ne 'P'">
        <xsl:variable name="vi" select="starts-with($lang, 'vi')"/>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:analyze-string select="substring($d, 2)" regex="([0-9]+)([YMWD])">
            <xsl:matching-substring>
              <xsl:variable name="n" select="xs:integer(regex-group(1))"/>
              <xsl:variable name="unit" select="regex-group(2)"/>
              <xsl:sequence select="if ($vi)
                then $n || ' ' || map{'Y': 'năm', 'M': 'tháng', 'W': 'tuần', 'D': 'ngày'}($unit)
                else $n || ' ' || map{'Y': 'year', 'M': 'month', 'W': 'week', 'D': 'day'}($unit)
                     || (if ($n ne 1) then 's' else '')"/>
            </xsl:matching-substring>
          </xsl:analyze-string>
        </xsl:variable>
        <xsl:sequence select="string-join($parts, ' ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$dur"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The dating attributes tk:date-label reads, as "name=value" tokens ("from=2013-07-01 to=2013-07-31"):
       what a page made apart from the document (the corpus's, in the site's language) labels it from. -->
  <xsl:function name="tk:date-spec" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string-join($date/(@when, @from, @to, @notBefore, @notAfter, @dur)[normalize-space(.)]
                                        ! (local-name(.) || '=' || normalize-space(.)), ' ')"/>
  </xsl:function>

  <!-- The date element a tk:date-spec describes (no attributes: an empty spec, a label of ""). -->
  <xsl:function name="tk:date-of-spec" as="element()">
    <xsl:param name="spec" as="xs:string?"/>
    <date>
      <xsl:for-each select="tokenize(normalize-space($spec), ' ')[substring-before(., '=') = ('when', 'from', 'to', 'notBefore', 'notAfter', 'dur')]">
        <xsl:attribute name="{substring-before(., '=')}" select="substring-after(., '=')"/>
      </xsl:for-each>
    </date>
  </xsl:function>

  <!-- What a TEI date element means, in words: @when, @from/@to, @notBefore/@notAfter or @dur. -->
  <xsl:function name="tk:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*">
      <xsl:if test="$date/@when">
        <xsl:sequence select="tk:human-date($date/@when, $lang)"/>
      </xsl:if>
      <xsl:if test="$date/@from">
        <xsl:sequence select="tk:label('from', $lang) || ' ' || tk:human-date($date/@from, $lang)"/>
      </xsl:if>
      <xsl:if test="$date/@to">
        <xsl:sequence select="tk:label('to', $lang) || ' ' || tk:human-date($date/@to, $lang)"/>
      </xsl:if>
      <xsl:if test="$date/@notBefore">
        <xsl:sequence select="tk:label('not-before', $lang) || ' ' || tk:human-date($date/@notBefore, $lang)"/>
      </xsl:if>
      <xsl:if test="$date/@notAfter">
        <xsl:sequence select="tk:label('not-after', $lang) || ' ' || tk:human-date($date/@notAfter, $lang)"/>
      </xsl:if>
      <xsl:if test="$date/@dur">
        <xsl:sequence select="tk:human-duration($date/@dur, $lang)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="string-join($words, ' ')"/>
  </xsl:function>

  <!-- The machine-readable value for HTML time/@datetime, or () when HTML has no form for it. -->
  <xsl:function name="tk:datetime" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="when" select="normalize-space($date/@when)"/>
    <xsl:sequence select="$when[matches(., '^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}-[0-9]{2})$')]"/>
  </xsl:function>

</xsl:stylesheet>
