<?xml version="1.0" encoding="UTF-8"?>
<!-- Typed helper functions about entities and mentions, shared by all outputs. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The kinds of register, in the order pages and indexes list them. -->
  <xsl:variable name="tk:register-types" as="xs:string+" select="'person', 'org', 'place'"/>

  <!-- Entity type of an element: person | org | place | date | role, or () for anything else.
       A map on the local name: much cheaper than a chain of self:: tests, and this runs per mention. -->
  <xsl:function name="tk:entity-type" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (namespace-uri($element) eq $tk:tei-ns) then $tk:types(local-name($element)) else ()"/>
  </xsl:function>

  <xsl:variable name="tk:tei-ns" as="xs:string" select="'http://www.tei-c.org/ns/1.0'"/>

  <!-- 'yes' for a document whose register ids are its own, anyone's TEI (Renderer: not
       names.is_teikit_document): the site files its entries under ids of its own
       (render/siteids.py, site/data.xsl), so its page links no name to a register page by its
       xml:id (html/page.xsl). -->
  <xsl:param name="document-ids" as="xs:string" select="'no'"/>
  <xsl:variable name="tk:own-ids" as="xs:boolean" select="$document-ids eq 'yes'"/>
  <xsl:variable name="tk:types" as="map(xs:string, xs:string)" select="map{
    'persName': 'person', 'person': 'person', 'orgName': 'org', 'org': 'org',
    'placeName': 'place', 'place': 'place', 'date': 'date', 'roleName': 'role'}"/>

  <!-- The register page (file name) that lists entities of a type. -->
  <xsl:function name="tk:register-file" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$tk:register-files($type)"/>
  </xsl:function>

  <xsl:variable name="tk:register-files" as="map(xs:string, xs:string)"
      select="map{'person': 'persons.html', 'org': 'organisations.html', 'place': 'places.html'}"/>

  <!-- An entry's own page, relative to the registers folder: persons/pers-x.html (segments escaped). -->
  <xsl:function name="tk:entry-path" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="substring-before($tk:register-files($type), '.html') || '/' || tk:uri-segment($id) || '.html'"/>
  </xsl:function>

  <!-- The register id a name points to: "#pers-x" gives "pers-x". -->
  <xsl:function name="tk:ref-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <!-- Not replace(…, '^#', ''): this runs per mention and a regex costs more. -->
    <!-- The first URI only: @ref may hold several ("#p1 https://…"). -->
    <xsl:variable name="ref" select="substring-before(normalize-space($name/@ref) || ' ', ' ')"/>
    <xsl:sequence select="if (starts-with($ref, '#')) then substring($ref, 2) else $ref"/>
  </xsl:function>

  <!-- The register entry a name points to: teikit's in standOff (tk:entry); in a document with ids
       of its own, also one of a listPerson, listOrg or listPlace anywhere in it (key tk:listed). The
       site record (site/data.xsl) and the page's search facets (html/page.xsl) read them alike. -->
  <xsl:function name="tk:register-entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if (not($tk:own-ids)) then tk:entry($name)
        else (tk:entry($name), key('tk:listed', generate-id(tk:tei($name)) || ' ' || tk:ref-id($name), root($name)))[1]"/>
  </xsl:function>

  <!-- An entry's authority URI: the first http or https URI of its @sameAs, @corresp or @ref, else of
       its idno elements ('' for none: the entry is the document's own). -->
  <xsl:function name="tk:entry-uri" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(($entry/(@sameAs, @corresp, @ref) ! tokenize(.), $entry/idno ! normalize-space())[tk:is-authority(.)], '')[1]"/>
  </xsl:function>

  <xsl:function name="tk:is-authority" as="xs:boolean">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="starts-with($ref, 'https://') or starts-with($ref, 'http://')"/>
  </xsl:function>

  <!-- The TEI element a node belongs to (one document may sit in a corpus wrapper). -->
  <xsl:function name="tk:tei" as="element(TEI)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::TEI[1]"/>
  </xsl:function>

  <!-- Every mention in the text of the register entry with this id, in document order. -->
  <xsl:function name="tk:mentions" as="element()*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="key('tk:mentions', generate-id($tei) || ' ' || $id, root($tei))"/>
  </xsl:function>

  <xsl:function name="tk:mention-count" as="xs:integer">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="count(tk:mentions($tei, $id))"/>
  </xsl:function>

  <!-- The register entry (person, org, place) a name points to, if the document has it. -->
  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="tei" select="tk:tei($name)"/>
    <xsl:sequence select="key('tk:entry', generate-id($tei) || ' ' || tk:ref-id($name), root($name))[1]"/>
  </xsl:function>

  <!--
    A stable id for a mention, unique in its document and the same in every
    output (article page, corpus registers): names get "<register id>-m<n>",
    dates and roles "date-<n>" and "role-<n>", n counting from 1 in document order.
  -->
  <xsl:function name="tk:mention-id" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="tk:mention-ids(tk:tei($mention))(generate-id($mention))"/>
  </xsl:function>

  <!-- Every mention id of a document at once (one pass; cached per document),
       keyed by generate-id() of the mention. -->
  <xsl:function name="tk:mention-ids" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:map>
      <xsl:for-each-group select="tk:text-of($tei)//(persName | orgName | placeName)[@ref]" group-by="tk:ref-id(.)">
        <xsl:variable name="id" select="current-grouping-key()"/>
        <xsl:for-each select="current-group()">
          <xsl:map-entry key="generate-id(.)" select="$id || '-m' || position()"/>
        </xsl:for-each>
      </xsl:for-each-group>
      <xsl:for-each-group select="tk:text-of($tei)//(persName | orgName | placeName)[not(@ref)], tk:text-of($tei)//(date | roleName)"
                          group-by="tk:entity-type(.)">
        <xsl:variable name="type" select="current-grouping-key()"/>
        <xsl:for-each select="current-group()">
          <xsl:map-entry key="generate-id(.)" select="$type || '-' || position()"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- The article's date: the first date of its source description. -->
  <xsl:function name="tk:article-date" as="element(date)?">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader/fileDesc/sourceDesc/bibl[1]/date[1]"/>
  </xsl:function>

  <!-- The article's authors (titleStmt), their reading text joined by ", "; '' when there are none. -->
  <xsl:function name="tk:authors" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="string-join($tei/teiHeader/fileDesc/titleStmt/author ! tk:plain(.), ', ')"/>
  </xsl:function>

  <!-- The licence statements of a publicationStmt, the one reading of them for both editions (the
       page's Licence row, the text edition's licence keys): its availability's licence elements, else
       (terms stated in prose) its availability's paragraphs; none without an availability. Never the
       publisher, who publishes the text and licenses nothing by being named (the page gives it a row
       of its own, "Publisher"). -->
  <xsl:function name="tk:licences" as="element()*">
    <xsl:param name="publication" as="element()?"/>
    <xsl:variable name="availability" select="$publication/availability"/>
    <xsl:sequence select="if ($availability/licence) then $availability/licence else $availability/p"/>
  </xsl:function>

  <!-- The site an article comes from, for the search facet and the site data: its source's
       publisher, else the host of its URL (without "www."), else ''. -->
  <xsl:function name="tk:source-site" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="source" select="$tei/teiHeader/fileDesc/sourceDesc/bibl[1]"/>
    <xsl:variable name="uri" select="string($source/ref[1]/@target)"/>
    <xsl:sequence select="(($source/publisher[1] ! tk:plain(.),
        if (matches($uri, '^https?://[^/?#]+', 'i'))
        then replace(lower-case(replace($uri, '^https?://([^/?#]+).*$', '$1', 'i')), '^www\.', '') else '')[.], '')[1]"/>
  </xsl:function>

  <!-- The canonical name of a register entry (its first name child). -->
  <xsl:function name="tk:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="tk:normalize(string(($entry/persName, $entry/orgName, $entry/placeName)[1]))"/>
  </xsl:function>

  <!-- The language of a document whose TEI element has no xml:lang (Renderer, declared_lang: its
       text's xml:lang, else its header's langUsage); '' when none is known. -->
  <xsl:param name="document-lang" as="xs:string" select="''"/>

  <!-- The language of a node: the nearest xml:lang, else the document's ($document-lang), else 'en'
       (the labels' language when nothing says one). -->
  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(($node/ancestor-or-self::*/@xml:lang)[last()]/string(), $document-lang, 'en')[. ne ''][1]"/>
  </xsl:function>

  <!-- Writing direction, the one list of it: the scripts written right to left (ISO 15924 codes,
       lower case), and the languages (primary subtags) written in one of them unless a script
       subtag says otherwise ("az-Arab" is, "ku" and "ar-Latn" are not). -->
  <xsl:variable name="tk:rtl-scripts" as="xs:string+"
      select="'adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa', 'yezi'"/>
  <xsl:variable name="tk:rtl-languages" as="xs:string+"
      select="'ar', 'arc', 'arz', 'ary', 'azb', 'bal', 'ckb', 'dv', 'fa', 'glk', 'he', 'iw', 'ji', 'ks', 'lrc',
              'mzn', 'nqo', 'ota', 'pnb', 'prs', 'ps', 'sd', 'skr', 'syc', 'syr', 'ug', 'ur', 'yi'"/>

  <!-- 'rtl' or 'ltr': the direction a BCP 47 language tag (xml:lang) is written in. -->
  <xsl:function name="tk:direction" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="subtags" select="tokenize(lower-case($lang), '[-_]')"/>
    <xsl:variable name="script" select="$subtags[position() = (2, 3)][matches(., '^[a-z]{4}$')][1]"/>
    <xsl:sequence select="if (exists($script)) then (if ($script = $tk:rtl-scripts) then 'rtl' else 'ltr')
                          else if ($subtags[1] = $tk:rtl-languages) then 'rtl' else 'ltr'"/>
  </xsl:function>

  <!-- lang (and dir) for HTML made in language $lang inside HTML in language $outer; none when they are alike. -->
  <xsl:function name="tk:lang-attributes" as="attribute()*">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="outer" as="xs:string"/>
    <xsl:if test="$lang ne $outer">
      <xsl:attribute name="lang" select="$lang"/>
      <xsl:if test="tk:direction($lang) ne tk:direction($outer)">
        <xsl:attribute name="dir" select="tk:direction($lang)"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- The language an edition labels a header node in: the text's, since the page speaks the
       text's language whatever the header is written in (teikit writes its headers in English). -->
  <xsl:function name="tk:text-lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="header" select="$node/ancestor-or-self::teiHeader[1]"/>
    <xsl:sequence select="tk:lang(($header/../text, $header/../sourceDoc, $header/.., $node)[1])"/>
  </xsl:function>

  <!-- White space (including no-break and other Unicode spaces, $tk:spaces) folded to single spaces and trimmed.
       translate + normalize-space rather than a regex: this runs for every label and is far cheaper. -->
  <xsl:function name="tk:normalize" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="normalize-space(translate($text, $tk:spaces, $tk:blanks))"/>
  </xsl:function>

  <!-- Every character that counts as a space: teikit.whitespace.XML_SPACES, passed in by the
       renderer so that Python and the stylesheets fold text alike (one definition). -->
  <xsl:param name="tk:spaces" as="xs:string" required="yes"/>
  <xsl:variable name="tk:blanks" as="xs:string" select="string-join((1 to string-length($tk:spaces)) ! ' ')"/>

  <!-- The name a name element carries, as tk:plain reads it: a persName without the roleName
       children that qualify the person, and the commas and spaces beside them ("ROLE NAME,
       ROLE …" carries "NAME"; teikit.teitext.name_part). -->
  <xsl:function name="tk:name-plain" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/self::persName and $name/roleName)
        then replace(tk:normalize(tk:reading-of($name/node()[not(self::roleName)])), '^[\s,]+|[\s,]+$', '')
        else tk:plain($name)"/>
  </xsl:function>

  <!-- The reading text of nodes (of an element, its content), normalised: read as the editions read
       the text (common/reading.xsl, tk:reading-of): one branch of a choice or app (teikit's machine
       abbreviations their abbr, an editor's their expan), no note, nothing of what is not read, a gap
       "[…]". Nodes without elements in them (most names, titles) are their string. -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="tk:normalize(
        if (exists($nodes/descendant::*)) then tk:reading-of($nodes ! (if (. instance of element()) then node() else .))
        else string-join($nodes ! string(.)))"/>
  </xsl:function>

</xsl:stylesheet>
