<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the article page needs per mention, worked out once per page.

  The document being rendered is the global context item, so these are global
  variables: Saxon evaluates each once per transformation, and reading a global
  variable costs far less than a tunnel parameter (every mention of every
  article passes through inline.xsl and entities.xsl, so this matters).

  Templates look a mention up by generate-id(); a node of any other document
  (a customisation rendering more than one) finds nothing there and the
  templates fall back to working its values out with the functions of common/.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:page" as="element(TEI)?" select="/TEI"/>
  <xsl:variable name="tk:page-lang" as="xs:string" select="($tk:page ! tk:lang(.), 'en')[1]"/>
  <!-- Labels can be shared by the whole page unless some of its text is in another language. -->
  <xsl:variable name="tk:page-one-lang" as="xs:boolean" select="empty($tk:page ! tk:text-of(.)//@xml:lang)"/>

  <!-- Every name, role and date in the text, in document order. -->
  <xsl:variable name="tk:page-mentions" as="element()*"
      select="$tk:page ! tk:text-of(.)//(persName | orgName | placeName | roleName | date)"/>
  <!-- The entity types that occur in the text. -->
  <xsl:variable name="tk:page-types" as="xs:string*"
      select="distinct-values($tk:page-mentions ! $tk:types(local-name()))"/>
  <!-- The register entries, and register id -> canonical name (the first entry with that id). -->
  <xsl:variable name="tk:page-entries" as="element()*" select="$tk:page/standOff//(person | org | place)[@xml:id]"/>
  <xsl:variable name="tk:page-entry-names" as="map(xs:string, xs:string)"
      select="map:merge($tk:page-entries ! map{string(@xml:id): tk:entry-name(.)}, map{'duplicates': 'use-first'})"/>

  <!-- register id -> its mentions in document order; the n-th has the id "<register id>-m<n>". -->
  <xsl:variable name="tk:page-by-ref" as="map(xs:string, element()+)">
    <xsl:map>
      <xsl:for-each-group select="$tk:page-mentions[@ref][self::persName or self::orgName or self::placeName]"
                          group-by="tk:ref-id(.)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- (title, href) of a name pointing to register id $ref; href '' for no link (links.xsl). -->
  <xsl:function name="tk:page-name-attrs" as="xs:string+">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="ref" as="xs:string"/>
    <xsl:variable name="type" select="$tk:types(local-name($name))"/>
    <xsl:variable name="entry-name" select="$tk:page-entry-names($ref)"/>
    <xsl:variable name="anchor" select="$tk:page-anchors($ref)"/>
    <xsl:sequence select="
        (if (exists($entry-name)) then $entry-name else if ($anchor) then tk:entry-name($anchor) else tk:plain($name))
          || (if ($tk:page-one-lang) then $tk:page-title-suffix($type) else ' · ' || tk:label($type, tk:lang($name))),
        if (exists($entry-name) and not($tk:own-ids)) then tk:register-href($type, $ref) else tk:uri-href($name/@ref, $name)"/>
  </xsl:function>

  <!-- The names the site's search files the page under as entities of type $type (tk:search-facets),
       the register entries it mentions, as its site record has them (site/data.xsl): teikit's by
       their names; anyone's TEI's, the entries of its lists it names and the authority URIs it names
       without one, each by its entry's name, else by its first mention's. In document order. -->
  <xsl:function name="tk:facet-names" as="xs:string*">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="if (not($tk:own-ids))
        then $tk:page-entries[$tk:types(local-name()) = $type][map:contains($tk:page-by-ref, @xml:id)] ! tk:entry-name(.)
        else distinct-values($tk:page-mentions[@ref][self::persName or self::orgName or self::placeName] ! tk:ref-id(.))
          ! tk:facet-name(., $tk:page-by-ref(.)[1], $type)"/>
  </xsl:function>

  <!-- The facet of anyone's TEI's register id $ref, first named by $first, when it is an entry of type
       $type: an authority URI is named by the entry of the document's lists that carries it, if one does. -->
  <xsl:function name="tk:facet-name" as="xs:string?">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:param name="first" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="entry" select="(tk:register-entry($first), $tk:page-uri-entries($ref))[1]"/>
    <xsl:sequence select="if (tk:entity-type(($entry, $first)[1]) eq $type and (exists($entry) or tk:is-authority($ref)))
        then ($entry ! tk:entry-name(.)[.], tk:name-plain($first))[1] else ()"/>
  </xsl:function>

  <!-- Anyone's TEI: authority URI -> the first entry of its lists that carries it (tk:entry-uri). -->
  <xsl:variable name="tk:page-uri-entries" as="map(xs:string, element())" select="map:merge(
      $tk:page//(listPerson//person | listOrg//org | listPlace//place)[@xml:id][tk:entry-uri(.)] ! map{tk:entry-uri(.): .},
      map{'duplicates': 'use-first'})"/>

  <!-- The corpus register page's entry ('' when the page links to no registers). -->
  <xsl:function name="tk:register-href" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="if ($registers-href and not($tk:own-ids)) then $tk:registers-uri || tk:entry-path($type, $ref) else ''"/>
  </xsl:function>

  <!-- entity type -> " · <type label>", the end of a name's title. (Global, not
       local to tk:page-mention: Saxon may inline a local variable into the loop
       that uses it and work it out again per mention.) -->
  <xsl:variable name="tk:page-title-suffix" as="map(xs:string, xs:string)"
      select="map:merge($tk:register-types ! map{.: ' · ' || tk:label(., $tk:page-lang)})"/>

  <!-- generate-id() of a mention ->
         names:  (id, title, href)   as tk:name-attrs gives them
         dates:  (id, label, datetime?)
         roles:  (id)
       ids as tk:mention-id gives them. -->
  <xsl:variable name="tk:page-mention" as="map(xs:string, xs:string*)">
    <xsl:map>
      <xsl:for-each select="map:keys($tk:page-by-ref)">
        <xsl:variable name="ref" select="."/>
        <xsl:variable name="group" select="$tk:page-by-ref($ref)"/>
        <!-- Title and href once per entry, for the kind of name its first mention
             is (every mention, in a valid document), when the title depends on
             neither the mention's text nor its language; else per mention. -->
        <xsl:variable name="kind" select="node-name($group[1])"/>
        <xsl:variable name="first" as="xs:string+" select="tk:page-name-attrs($group[1], $ref)"/>
        <xsl:variable name="shared" as="xs:string*"
            select="$first[$tk:page-one-lang and exists($tk:page-entry-names($ref))]"/>
        <xsl:for-each select="$group">
          <xsl:map-entry key="generate-id()" select="$ref || '-m' || position(),
              if (exists($shared) and node-name(.) eq $kind) then $shared else tk:page-name-attrs(., $ref)"/>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$tk:page-mentions[self::date]">
        <xsl:map-entry key="generate-id()" select="'date-' || position(),
            tk:date-label(., if ($tk:page-one-lang) then $tk:page-lang else tk:lang(.)), tk:datetime(.)"/>
      </xsl:for-each>
      <xsl:for-each select="$tk:page-mentions[self::roleName]">
        <xsl:map-entry key="generate-id()" select="'role-' || position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

</xsl:stylesheet>
