<?xml version="1.0" encoding="UTF-8"?>
<!-- The article page: head, metadata header, highlight control, text, index. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:meta" on-no-match="shallow-skip"/>

  <xsl:template match="/TEI">
    <xsl:variable name="lang" select="tk:lang(.)"/>
    <xsl:variable name="article" select="text/body/div[@type = 'article'][1]"/>
    <xsl:variable name="title" select="tk:plain(teiHeader/fileDesc/titleStmt/title[1])"/>
    <!-- Worked out once per page, not per mention (see inline.xsl and entities.xsl). -->
    <xsl:variable name="mentions" as="element()*" select="text//(persName | orgName | placeName | roleName | date)"/>
    <xsl:variable name="types" as="xs:string*" select="distinct-values($mentions ! $tk:types(local-name()))"/>
    <!-- register id -> its mentions in document order; the n-th has the id "<register id>-m<n>". -->
    <xsl:variable name="by-ref" as="map(xs:string, element()+)">
      <xsl:map>
        <xsl:for-each-group select="$mentions[@ref][self::persName or self::orgName or self::placeName]"
                            group-by="tk:ref-id(.)">
          <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
        </xsl:for-each-group>
      </xsl:map>
    </xsl:variable>
    <!-- generate-id() of a mention -> its id, as tk:mention-id gives it (dates and roles "<type>-<n>"). -->
    <xsl:variable name="ids" as="map(xs:string, xs:string)">
      <xsl:map>
        <xsl:for-each select="map:keys($by-ref)">
          <xsl:variable name="ref" select="."/>
          <xsl:for-each select="$by-ref($ref)">
            <xsl:map-entry key="generate-id()" select="$ref || '-m' || position()"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="$mentions[self::date]">
          <xsl:map-entry key="generate-id()" select="'date-' || position()"/>
        </xsl:for-each>
        <xsl:for-each select="$mentions[self::roleName]">
          <xsl:map-entry key="generate-id()" select="'role-' || position()"/>
        </xsl:for-each>
      </xsl:map>
    </xsl:variable>
    <xsl:variable name="entries" as="element()*" select="standOff//(person | org | place)[@xml:id]"/>
    <xsl:variable name="entry-names" as="map(xs:string, xs:string)"
        select="map:merge($entries ! map{string(@xml:id): tk:entry-name(.)}, map{'duplicates': 'use-first'})"/>
    <!-- Labels in the page's language, unless some of the text is in another. -->
    <xsl:variable name="one-lang" as="xs:boolean" select="empty(text//@xml:lang)"/>
    <xsl:variable name="title-suffix" as="map(xs:string, xs:string)"
        select="if ($one-lang) then map:merge($tk:register-types ! map{.: ' · ' || tk:label(., $lang)}) else map{}"/>
    <html lang="{$lang}">
      <xsl:call-template name="tk:html-head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="index-href" select="$index-href"/>
          <xsl:with-param name="registers-href" select="$registers-href"/>
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
        <main>
          <article id="article" class="edition hl-person hl-org hl-place hl-date hl-role">
            <header class="doc-header">
              <h1>
                <xsl:choose>
                  <xsl:when test="$article/head">
                    <xsl:apply-templates select="$article/head[1]/node()" mode="tk:html">
                      <xsl:with-param name="tk:entry-names" tunnel="yes" select="$entry-names"/>
                      <xsl:with-param name="tk:title-suffix" tunnel="yes" select="$title-suffix"/>
                      <xsl:with-param name="tk:ids" tunnel="yes" select="$ids"/>
                    </xsl:apply-templates>
                  </xsl:when>
                  <xsl:otherwise>{$title}</xsl:otherwise>
                </xsl:choose>
              </h1>
              <xsl:apply-templates select="teiHeader" mode="tk:meta"/>
            </header>
            <xsl:call-template name="tk:highlight-controls">
              <xsl:with-param name="lang" select="$lang"/>
              <xsl:with-param name="types" select="$types"/>
            </xsl:call-template>
            <div class="text">
              <xsl:apply-templates select="text/body/node()" mode="tk:html">
                <xsl:with-param name="tk:entry-names" tunnel="yes" select="$entry-names"/>
                <xsl:with-param name="tk:title-suffix" tunnel="yes" select="$title-suffix"/>
                <xsl:with-param name="tk:lang" tunnel="yes" select="$lang[$one-lang]"/>
                <xsl:with-param name="tk:ids" tunnel="yes" select="$ids"/>
              </xsl:apply-templates>
            </div>
            <xsl:call-template name="tk:entity-index">
              <xsl:with-param name="lang" select="$lang"/>
              <xsl:with-param name="mentions" select="$mentions"/>
              <xsl:with-param name="entries" select="$entries"/>
              <xsl:with-param name="entry-names" select="$entry-names"/>
              <xsl:with-param name="by-ref" select="$by-ref"/>
              <xsl:with-param name="ids" select="$ids"/>
            </xsl:call-template>
          </article>
        </main>
        <xsl:call-template name="tk:footer">
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
        <script><xsl:value-of select="$highlight-js" disable-output-escaping="yes"/></script>
      </body>
    </html>
  </xsl:template>

  <!-- Metadata: date, author, source, checksum, licence, TEI master. -->
  <xsl:template match="teiHeader" mode="tk:meta">
    <xsl:variable name="lang" select="tk:lang(.)"/>
    <xsl:variable name="bibl" select="fileDesc/sourceDesc/bibl[1]"/>
    <xsl:variable name="date" select="$bibl/date[1]"/>
    <dl class="meta">
      <xsl:if test="$date">
        <dt>{tk:label('date-line', $lang)}</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="exists(tk:datetime($date))">
              <time class="pubdate" datetime="{tk:datetime($date)}">{tk:date-label($date, $lang)}</time>
            </xsl:when>
            <xsl:otherwise>{tk:date-label($date, $lang)}</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="normalize-space($date)"><xsl:text> </xsl:text><span class="printed">({tk:normalize($date)})</span></xsl:if>
        </dd>
      </xsl:if>
      <xsl:if test="fileDesc/titleStmt/author">
        <dt>{tk:label('author', $lang)}</dt>
        <dd class="author">{string-join(fileDesc/titleStmt/author ! tk:plain(.), ', ')}</dd>
      </xsl:if>
      <xsl:if test="$bibl">
        <dt>{tk:label('source', $lang)}</dt>
        <dd class="source">
          <cite>{tk:plain($bibl/title[1])}</cite>
          <xsl:if test="$bibl/publisher">, {tk:plain($bibl/publisher[1])}</xsl:if>
          <xsl:for-each select="$bibl/ref[@target][1]">
            <xsl:text>. </xsl:text>
            <a class="source-link" href="{escape-html-uri(@target)}">{(tk:normalize(.)[.], string(@target))[1]}</a>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:for-each select="$bibl/idno[@type = 'sha256'][1]">
        <dt>{tk:label('checksum', $lang)}</dt>
        <dd><code class="checksum">{normalize-space(.)}</code></dd>
      </xsl:for-each>
      <xsl:for-each select="fileDesc/publicationStmt">
        <xsl:if test="availability/licence | publisher">
          <dt>{tk:label('licence', $lang)}</dt>
          <dd class="licence">
            <xsl:for-each select="availability/licence[1]">
              <xsl:choose>
                <xsl:when test="@target"><a rel="license" href="{escape-html-uri(@target)}">{tk:plain(.)}</a></xsl:when>
                <xsl:otherwise>{tk:plain(.)}</xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <xsl:if test="availability/licence and publisher"> · </xsl:if>
            <xsl:if test="publisher">{tk:plain(publisher[1])}</xsl:if>
          </dd>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$tei-href">
        <dt>{tk:label('tei', $lang)}</dt>
        <dd><a class="tei-link" type="application/tei+xml" href="{escape-html-uri($tei-href)}">{tokenize($tei-href, '/')[last()]}</a></dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- One checkbox per entity type present; hidden until the script shows it,
       so a page read without scripts shows every highlight and no dead control. -->
  <xsl:template name="tk:highlight-controls">
    <xsl:param name="lang" as="xs:string" required="yes"/>
    <!-- The entity types that occur in the text. -->
    <xsl:param name="types" as="xs:string*" required="yes"/>
    <form class="hl-controls" hidden="">
      <fieldset>
        <legend>{tk:label('highlight', $lang)}</legend>
        <xsl:for-each select="('person', 'org', 'place', 'date', 'role')[. = $types]">
          <label class="switch sw-{.}"><input type="checkbox" checked="" data-type="{.}"/> {tk:label(., $lang)}</label>
        </xsl:for-each>
      </fieldset>
    </form>
  </xsl:template>

</xsl:stylesheet>
