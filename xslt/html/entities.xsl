<?xml version="1.0" encoding="UTF-8"?>
<!--
  The article's own index: every person, organisation and place of its
  register (standOff), then its dates and roles, each with the number of
  mentions and a link back to every mention in the text.

  The mentions are grouped once per page ($tk:page-by-ref in page.xsl, one
  xsl:for-each-group over all names) rather than looked up per entry; a name's
  n-th mention has the id "<register id>-m<n>" (see tk:mention-id), so its
  links need no look-up either.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The index of the page's document (page.xsl). -->
  <xsl:template name="tk:entity-index">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <xsl:variable name="dates" select="$tk:page-mentions[self::date]"/>
    <xsl:variable name="roles" select="$tk:page-mentions[self::roleName]"/>
    <xsl:variable name="by-ref" select="$tk:page-by-ref"/>
    <xsl:if test="exists($tk:page-entries) or exists($dates) or exists($roles)">
      <section class="entities" id="entities" aria-labelledby="entities-heading" data-pagefind-ignore="">
        <h2 id="entities-heading"><xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>{tk:label('entities', $lang)}</h2>
        <xsl:variable name="count-suffix" select="' ' || tk:label('mentions', $lang) || ')'"/>
        <xsl:variable name="count-suffix-1" select="' ' || tk:label('mentions-1', $lang) || ')'"/>
        <xsl:for-each select="$tk:register-types">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="$tk:page-entries[$tk:types(local-name()) = $type][map:contains($by-ref, @xml:id)]"/>
          <xsl:if test="exists($of-type)">
            <xsl:variable name="register" select="if ($registers-href and not($tk:own-ids)) then $tk:registers-uri || substring-before($tk:register-files($type), '.html') || '/' else ''"/>
            <h3 class="idx-{$type}"><xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <!-- Written out here rather than through a named template: this
                   runs for every entry of every page. -->
              <xsl:for-each select="$of-type">
                <xsl:variable name="id" select="string(@xml:id)"/>
                <xsl:variable name="uri-id" select="escape-html-uri($id)"/>
                <xsl:variable name="of-entry" select="$by-ref($id)"/>
                <li>
                  <xsl:choose>
                    <xsl:when test="$register"><a class="entry-name" href="{$register}{tk:uri-segment($id)}.html">{$tk:page-entry-names($id)}</a></xsl:when>
                    <xsl:otherwise><span class="entry-name">{$tk:page-entry-names($id)}</span></xsl:otherwise>
                  </xsl:choose>
                  <xsl:text> </xsl:text>
                  <span class="count">({count($of-entry)}{if (count($of-entry) eq 1) then $count-suffix-1 else $count-suffix}</span>
                  <xsl:text> </xsl:text>
                  <span class="mention-links">
                    <xsl:for-each select="$of-entry">
                      <xsl:if test="position() ne 1"><xsl:text> </xsl:text></xsl:if>
                      <a href="#{$uri-id}-m{position()}" title="{if (.//expan) then tk:plain(.) else normalize-space(translate(., $tk:spaces, $tk:blanks))}">{position()}</a>
                    </xsl:for-each>
                  </span>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="'date', 'role'">
          <xsl:variable name="type" select="."/>
          <xsl:variable name="of-type" select="if ($type = 'date') then $dates else $roles"/>
          <xsl:if test="exists($of-type)">
            <h3 class="idx-{$type}"><xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>{tk:label($type, $lang)}</h3>
            <ul class="entity-list">
              <!-- Dates grouped by what they mean, roles by what they say. A
                   date or role's id is "<type>-<n>", n its place among all of its type. -->
              <xsl:for-each-group select="$of-type"
                  group-by="if ($type = 'role') then tk:plain(.)
                            else (let $label := if ($tk:page-one-lang) then $tk:page-mention(generate-id())[2]
                                                else tk:date-label(., $lang)
                                  return if ($label) then $label else tk:plain(.))">
                <li>
                  <span class="entry-name">{current-grouping-key()}</span>
                  <xsl:text> </xsl:text>
                  <span class="count">({count(current-group())}{if (count(current-group()) eq 1) then $count-suffix-1 else $count-suffix}</span>
                  <xsl:text> </xsl:text>
                  <span class="mention-links">
                    <xsl:for-each select="current-group()">
                      <xsl:if test="position() ne 1"><xsl:text> </xsl:text></xsl:if>
                      <a href="#{$tk:page-mention(generate-id())[1]}" title="{if ($type = 'role') then current-grouping-key() else tk:plain(.)}">{position()}</a>
                    </xsl:for-each>
                  </span>
                </li>
              </xsl:for-each-group>
            </ul>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
