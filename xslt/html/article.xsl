<?xml version="1.0" encoding="UTF-8"?>
<!-- The article page: head, metadata header, highlight control, text, index. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:meta" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/TEI">
    <!-- The per-page values (page.xsl) are those of the global context item. -->
    <xsl:if test="not(. is $tk:page)">
      <xsl:message terminate="yes" error-code="tk:page">tei-to-html.xsl renders the document it is given (its global context item), not another</xsl:message>
    </xsl:if>
    <xsl:variable name="lang" select="tk:lang(.)"/>
    <xsl:variable name="article" select="text/body/div[@type = 'article'][1]"/>
    <xsl:variable name="title" select="tk:plain(teiHeader/fileDesc/titleStmt/title[1])"/>
    <html lang="{$lang}">
      <xsl:if test="tk:direction($lang) eq 'rtl'"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
      <xsl:call-template name="tk:html-head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="index-href" select="$index-href"/>
          <xsl:with-param name="registers-href" select="$registers-href"/>
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
        <main id="main">
          <article id="article" class="edition hl-person hl-org hl-place hl-date hl-role" data-pagefind-body="">
            <xsl:call-template name="tk:search-facets"/>
            <xsl:call-template name="tk:search-folded"/>
            <header class="doc-header">
              <h1>
                <xsl:choose>
                  <xsl:when test="$article/head">
                    <xsl:apply-templates select="$article/head[1]/node()" mode="tk:html"/>
                  </xsl:when>
                  <xsl:otherwise>{$title}</xsl:otherwise>
                </xsl:choose>
              </h1>
              <xsl:apply-templates select="teiHeader" mode="tk:meta"/>
            </header>
            <xsl:call-template name="tk:highlight-controls">
              <xsl:with-param name="lang" select="$lang"/>
              <xsl:with-param name="types" select="$tk:page-types"/>
            </xsl:call-template>
            <div class="text">
              <xsl:sequence select="tk:lang-attributes(tk:lang((tk:text-of(.), .)[1]), $lang)"/>
              <xsl:apply-templates select="tk:text-parts(.)" mode="tk:html"/>
            </div>
            <xsl:call-template name="tk:footnotes">
              <xsl:with-param name="lang" select="$lang"/>
            </xsl:call-template>
            <xsl:call-template name="tk:apparatus">
              <xsl:with-param name="lang" select="$lang"/>
            </xsl:call-template>
            <xsl:call-template name="tk:header-registers"/>
            <xsl:call-template name="tk:entity-index">
              <xsl:with-param name="lang" select="$lang"/>
            </xsl:call-template>
          </article>
        </main>
        <xsl:call-template name="tk:footer">
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
        <xsl:call-template name="tk:script">
          <xsl:with-param name="assets-href" select="$assets-href"/>
          <xsl:with-param name="file" select="'highlight.js'"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- Metadata: date, author, editors, source, correspondence, manuscript (header.xsl), checksum, publisher, licence
       (tk:licences: the availability's, never the publisher), TEI master.
       The list speaks the labels' language ($ui: English on an Arabic page), marked where it is not the page's
       (lang, and dir where the direction differs: an English date in a right-to-left page is laid out left to
       right, not garbled); each value in another language than the list's carries its own (tk:in-lang). -->
  <xsl:template match="teiHeader" mode="tk:meta">
    <xsl:variable name="lang" select="tk:text-lang(.)"/>
    <xsl:variable name="ui" select="tk:label-lang($lang)"/>
    <xsl:variable name="bibl" select="fileDesc/sourceDesc/bibl[1]"/>
    <xsl:variable name="date" select="$bibl/date[1]"/>
    <dl class="meta" data-pagefind-ignore="">
      <xsl:sequence select="tk:lang-attributes($ui, $tk:page-lang)"/>
      <xsl:if test="$date">
        <dt>{tk:label('date-line', $lang)}</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="exists(tk:datetime($date))">
              <time class="pubdate" datetime="{tk:datetime($date)}">{tk:date-label($date, $lang)}</time>
            </xsl:when>
            <xsl:otherwise>{tk:date-label($date, $lang)}</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="normalize-space($date)"><xsl:text> </xsl:text><span class="printed"><xsl:sequence
            select="tk:lang-attributes(tk:lang($date), $ui)"/>({tk:normalize($date)})</span></xsl:if>
        </dd>
      </xsl:if>
      <xsl:if test="fileDesc/titleStmt/author">
        <dt>{tk:label('author', $lang)}</dt>
        <dd class="author"><xsl:sequence select="tk:lang-attributes($lang, $ui)"/>{tk:authors(..)}</dd>
      </xsl:if>
      <xsl:apply-templates select="fileDesc/titleStmt/editor" mode="tk:meta"/>
      <xsl:if test="$bibl">
        <dt>{tk:label('source', $lang)}</dt>
        <dd class="source">
          <cite><xsl:sequence select="tk:lang-attributes(tk:lang(($bibl/title[1], $bibl)[1]), $ui)"/>{if ($bibl/title)
            then tk:plain($bibl/title[1]) else tk:normalize($bibl)}</cite>
          <xsl:for-each select="$bibl/publisher[1]">, <xsl:sequence select="tk:in-lang(tk:plain(.), tk:lang(.), $ui)"/></xsl:for-each>
          <xsl:for-each select="$bibl/ref[@target][1]">
            <xsl:text>. </xsl:text>
            <xsl:variable name="href" select="tk:safe-href(@target)"/>
            <xsl:variable name="label" select="(tk:normalize(.)[.], tk:normalize(@target))[1]"/>
            <xsl:choose>
              <xsl:when test="$href"><a class="source-link" href="{$href}">{$label}</a></xsl:when>
              <xsl:otherwise><span class="source-link">{$label}</span></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:apply-templates select="profileDesc/correspDesc/correspAction, fileDesc/sourceDesc/msDesc" mode="tk:meta"/>
      <xsl:for-each select="$bibl/idno[@type = 'sha256'][1]">
        <dt>{tk:label('checksum', $lang)}</dt>
        <dd><code class="checksum">{normalize-space(.)}</code></dd>
      </xsl:for-each>
      <xsl:for-each select="fileDesc/publicationStmt/publisher[1]">
        <dt>{tk:label('publisher', $lang)}</dt>
        <dd class="publisher"><xsl:sequence select="tk:in-lang(tk:plain(.), tk:lang(.), $ui)"/></dd>
      </xsl:for-each>
      <xsl:variable name="licences" select="tk:licences(fileDesc/publicationStmt)"/>
      <xsl:if test="exists($licences)">
        <dt>{tk:label('licence', $lang)}</dt>
        <dd class="licence">
          <xsl:for-each select="$licences">
            <xsl:if test="position() gt 1"> · </xsl:if>
            <xsl:if test="self::licence[@n = ('text', 'markup')]">{tk:label('licence-' || @n, $lang)}: </xsl:if>
            <xsl:choose>
              <xsl:when test="tk:safe-href(@target)"><a rel="license" href="{tk:safe-href(@target)}"><xsl:sequence
                select="tk:lang-attributes(tk:lang(.), $ui)"/>{tk:plain(.)}</a></xsl:when>
              <xsl:otherwise><xsl:sequence select="tk:in-lang(tk:plain(.), tk:lang(.), $ui)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:if test="$tei-href">
        <dt>{tk:label('tei', $lang)}</dt>
        <dd><a class="tei-link" type="application/tei+xml" href="{tk:path-href($tei-href)}">{tokenize($tei-href, '/')[last()]}</a></dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- What the site's search (Pagefind, docs/site.md) files the article under: its persons,
       organisations and places (the register entries it mentions: tk:facet-names), its year and its
       source site; hidden, and left out of the indexed text. -->
  <xsl:template name="tk:search-facets">
    <div class="search-facets" hidden="" data-pagefind-ignore="">
      <xsl:for-each select="$tk:register-types">
        <xsl:variable name="type" select="."/>
        <xsl:for-each select="distinct-values(tk:facet-names($type))">
          <span data-pagefind-filter="{$type}">{.}</span>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:variable name="date" select="tk:article-date(/TEI)"/>
      <xsl:for-each select="($date ! (@when, @from, @notBefore))[1][matches(., '^[0-9]{4}')]">
        <span data-pagefind-filter="year">{substring(., 1, 4)}</span>
      </xsl:for-each>
      <xsl:for-each select="tk:source-site(/TEI)[.]">
        <span data-pagefind-filter="site">{.}</span>
      </xsl:for-each>
      <xsl:if test="$date">
        <span data-pagefind-meta="date">{(tk:date-label($date, tk:lang(/TEI))[.], tk:normalize($date))[1]}</span>
        <span data-pagefind-meta="datelanguage">{tk:label-lang(tk:lang(/TEI))}</span>
      </xsl:if>
      <!-- the search page marks a result's title and passage with them (assets/search.js) -->
      <span data-pagefind-meta="language">{tk:lang(/TEI)}</span>
      <span data-pagefind-meta="direction">{tk:direction(tk:lang(/TEI))}</span>
    </div>
  </xsl:template>

  <!-- Pagefind finds "tran" for "Trần" itself, but not "dang" for "Đặng" (đ is a letter of its
       own to Unicode): the words of the article with đ are indexed once more with d, hidden. -->
  <xsl:template name="tk:search-folded">
    <!-- The words (runs of letters and digits) of the reading text that hold đ or Đ, in order of first
         occurrence. Split at white space first, and by the regex only the few pieces with a đ: the same
         words, since white space parts words too, for a small part of the regex's cost (per page). -->
    <!-- A text whose own characters hold no đ, and no g or ptr (which bring in characters from
         elsewhere: a glyph's mapping, a pointer's target), has no such word: its reading is not made. -->
    <xsl:variable name="text" as="element()*" select="tk:text-of(/TEI)"/>
    <xsl:variable name="words" as="xs:string*" select="
        if (not(tk:has-d(string-join($text ! string(.)))) and empty($text//(g | ptr))) then ()
        else distinct-values(tokenize(tk:plain($text))[tk:has-d(.)] ! tokenize(., '[^\p{L}\p{N}]+')[tk:has-d(.)])"/>
    <xsl:if test="exists($words)">
      <p class="search-folded" hidden="" data-pagefind-weight="0.5">{string-join($words ! translate(., 'đĐ', 'dD'), ' ')}</p>
    </xsl:if>
  </xsl:template>

  <!-- $text in language $lang inside HTML in $outer: a span carrying its lang (and dir) when they differ, else the text. -->
  <xsl:function name="tk:in-lang" as="item()">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="outer" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$lang ne $outer"><span><xsl:sequence select="tk:lang-attributes($lang, $outer)"/>{$text}</span></xsl:when>
      <xsl:otherwise><xsl:sequence select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:has-d" as="xs:boolean">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="contains($word, 'đ') or contains($word, 'Đ')"/>
  </xsl:function>

  <!-- One checkbox per entity type present; hidden until the script shows it,
       so a page read without scripts shows every highlight and no dead control. -->
  <xsl:template name="tk:highlight-controls">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <!-- The entity types that occur in the text. -->
    <xsl:param name="types" as="xs:string*" required="yes"/>
    <!-- (None for an article with nothing to highlight: an empty box.) -->
    <xsl:variable name="shown" as="xs:string*" select="('person', 'org', 'place', 'date', 'role')[. = $types]"/>
    <xsl:if test="exists($shown)">
      <form class="hl-controls" hidden="" data-pagefind-ignore="">
        <xsl:sequence select="tk:lang-attributes(tk:label-lang($lang), $lang)"/>
        <fieldset>
          <legend>{tk:label('highlight', $lang)}</legend>
          <xsl:for-each select="$shown">
            <label class="switch sw-{.}"><input type="checkbox" checked="" data-type="{.}"/> {tk:label(., $lang)}</label>
          </xsl:for-each>
        </fieldset>
      </form>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
