<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit corpus site: the index of articles, the registers (persons, organisations,
  places: an A–Z jump bar, one page per letter beyond a size, a page per entry) and
  the date register (a timeline by year and month, a page per year).

  Every page is made by a named template from $data, a small XML document of what the
  page shows, already in order (render/sitedata.py makes it from the site's store, one
  page at a time, so that no page needs the corpus in memory):
    index-page     index.html                       <index>
    register-page  registers/<type>.html, <type>-<letter>.html   <register>
    entity-page    registers/<type>/<id>.html       <entity>
    timeline-page  registers/dates.html             <timeline>
    year-page      registers/dates/<year>.html      <year>
    search-page    search.html                      <search>
  A list that grows with the corpus comes in pages (render.site's paging policy: @page and
  @pages of the data): page n from 2 of <name>.html is <name>/n.html, with a pager (tk:pager).
  Every link is relative and goes through tk:path-href / tk:uri-segment (common/urls.xsl),
  so the site works from a plain web server and from the file system.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="../html/chrome.xsl"/>

  <xsl:param name="data" as="document-node()?" select="()"/>
  <!-- The register files' stems: person -> persons (registers/persons.html, registers/persons/<id>.html). -->
  <xsl:variable name="tk:register-stem" as="map(xs:string, xs:string)"
      select="map{'person': 'persons', 'org': 'organisations', 'place': 'places'}"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:variable name="site-lang" as="xs:string" select="($data/*/@lang[.], 'en')[1]"/>

  <!-- "1 lần nhắc", "1 mention", "2 mentions": the count and its noun (labels 'mentions' / 'mentions-1'). -->
  <xsl:function name="tk:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || tk:label(if ($n eq 1) then $key || '-1' else $key, $site-lang)"/>
  </xsl:function>

  <xsl:template name="tk:page">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="current" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <html lang="{$site-lang}">
      <xsl:if test="tk:direction($site-lang) eq 'rtl'"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
      <xsl:call-template name="tk:html-head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="index-href" select="$root || 'index.html'"/>
          <xsl:with-param name="registers-href" select="$root || 'registers/'"/>
          <xsl:with-param name="lang" select="$site-lang"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
        <main id="main">
          <h1>{$title}</h1>
          <xsl:sequence select="$content"/>
        </main>
        <xsl:call-template name="tk:footer">
          <xsl:with-param name="lang" select="$site-lang"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- An article's date in the index: <time> in the site's language when HTML has a form for it
       (a Vietnamese index wrote "25 January 2024" for an Arabic article), else its label as its
       article's language says it. -->
  <xsl:template name="tk:date-cell">
    <xsl:param name="datetime" as="xs:string?"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="$datetime"><time datetime="{$datetime}">{tk:human-date($datetime, $site-lang)}</time></xsl:when>
      <xsl:when test="$label">{$label}</xsl:when>
      <xsl:otherwise>{tk:label('no-date', $site-lang)}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- index.html: every article, newest first; a button (shown by the script) reverses the order. -->
  <xsl:template name="index-page">
    <xsl:variable name="index" select="$data/index"/>
    <xsl:variable name="page" select="tk:page-of($index)[1]"/>
    <xsl:variable name="pages" select="tk:page-of($index)[2]"/>
    <xsl:variable name="root" select="if ($page = 1) then '' else '../'"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label('corpus', $site-lang)"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="root" select="$root"/>
      <xsl:with-param name="content" as="node()*">
        <!-- Sorting in the browser sorts one page: offered only when the index is one page. -->
        <xsl:if test="$pages = 1">
          <button type="button" id="sort-date" class="sort-button" hidden="hidden" data-order="newest"
                  data-label-newest="{tk:label('sort-newest', $site-lang)}"
                  data-label-oldest="{tk:label('sort-oldest', $site-lang)}">{tk:label('sort-oldest', $site-lang)}</button>
        </xsl:if>
        <table class="articles">
          <thead>
            <tr><th scope="col">{tk:label('date-line', $site-lang)}</th><th scope="col">{tk:label('title', $site-lang)}</th><th scope="col">{tk:label('author', $site-lang)}</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$index/a">
              <tr data-date="{@date}">
                <td class="date">
                  <!-- a label in its article's language (a date HTML has no form for) says so; a <time> is in the site's -->
                  <xsl:sequence select="if (@datetime[.]) then () else tk:lang-attributes(tk:label-lang((@lang[.], $site-lang)[1]), $site-lang)"/>
                  <xsl:call-template name="tk:date-cell">
                    <xsl:with-param name="datetime" select="string(@datetime)"/>
                    <xsl:with-param name="label" select="string(@label)"/>
                  </xsl:call-template>
                </td>
                <td class="title"><a href="{$root}{tk:uri-segment(@stem)}.html"><xsl:sequence
                  select="tk:lang-attributes((@lang[.], $site-lang)[1], $site-lang)"/>{@title}</a></td>
                <td class="author">{@authors}</td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="tk:pager">
          <xsl:with-param name="page" select="$page"/>
          <xsl:with-param name="pages" select="$pages"/>
          <xsl:with-param name="first" select="'index'"/>
          <xsl:with-param name="root" select="$root"/>
          <xsl:with-param name="label" select="tk:label('index-pages', $site-lang)"/>
        </xsl:call-template>
        <xsl:if test="$pages = 1">
          <xsl:call-template name="tk:script">
            <xsl:with-param name="assets-href" select="'assets/'"/>
            <xsl:with-param name="file" select="'sort.js'"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Page $n (from 1) of the list whose first page is $first.html ($first: its path under the
       site, each segment already a URI segment), from a page at $root: $first.html, then
       $first/2.html, … (the names render.site.numbered_pages gives them). -->
  <xsl:function name="tk:page-href" as="xs:string">
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:sequence select="$root || $first || (if ($n = 1) then '.html' else '/' || $n || '.html')"/>
  </xsl:function>

  <!-- A list's pager (nothing for a list of one page): the first and the last page and the
       $tk:pager-reach pages either side of the current one linked, the current one not
       (aria-current), a gap shown as "…": every page is reached, and the pager stays the same
       size however long the list. -->
  <xsl:variable name="tk:pager-reach" as="xs:integer" select="3"/>
  <xsl:template name="tk:pager">
    <xsl:param name="page" as="xs:integer" required="yes"/>
    <xsl:param name="pages" as="xs:integer" required="yes"/>
    <xsl:param name="first" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" required="yes"/>
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:if test="$pages gt 1">
      <nav class="pager" aria-label="{$label}">
        <ul>
          <xsl:variable name="shown" as="xs:integer*"
              select="(1 to $pages)[. = (1, $pages) or abs(. - $page) le $tk:pager-reach]"/>
          <xsl:for-each select="$shown">
            <xsl:variable name="n" select="."/>
            <xsl:if test="$n gt 1 and not(($n - 1) = $shown)"><li class="gap" aria-hidden="true">…</li></xsl:if>
            <li>
              <xsl:choose>
                <xsl:when test="$n = $page"><span aria-current="page">{$n}</span></xsl:when>
                <xsl:otherwise><a href="{tk:page-href($first, $n, $root)}">{$n}</a></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- The page's number and how many the list has, from the data (1 and 1 without them). -->
  <xsl:function name="tk:page-of" as="xs:integer+">
    <xsl:param name="data" as="element()"/>
    <xsl:sequence select="xs:integer(($data/@page, 1)[1]), xs:integer(($data/@pages, 1)[1])"/>
  </xsl:function>

  <!-- The A–Z bar of a register: a link per letter that has entries (to its heading on this
       page, or to its page), the other letters as text. -->
  <xsl:template name="tk:jump-bar">
    <xsl:param name="register" as="element()" required="yes"/>
    <xsl:param name="root" as="xs:string" required="yes"/>
    <xsl:variable name="stem" select="$tk:register-stem($register/@type)"/>
    <nav class="jump-bar" aria-label="{tk:label('jump-bar', $site-lang)}">
      <ul>
        <xsl:for-each select="$register/letter">
          <li>
            <xsl:choose>
              <xsl:when test="@count = '0'"><span class="no-entries">{@name}</span></xsl:when>
              <xsl:when test="$register/@letter = @name">
                <a aria-current="page" href="{tk:path-href($root || 'registers/' || $stem || '-' || @slug || '.html')}">{@name}</a>
              </xsl:when>
              <xsl:when test="$register/@paged = 'yes'">
                <a href="{tk:path-href($root || 'registers/' || $stem || '-' || @slug || '.html')}"
                   aria-label="{@name}: {tk:count(xs:integer(@count), 'entries')}">{@name}</a>
              </xsl:when>
              <xsl:otherwise>
                <a href="#letter-{@slug}" aria-label="{@name}: {tk:count(xs:integer(@count), 'entries')}">{@name}</a>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <!-- registers/<type>.html (all entries, or the letters when paged) and registers/<type>-<letter>.html. -->
  <xsl:template name="register-page">
    <xsl:variable name="register" select="$data/register"/>
    <xsl:variable name="type" select="string($register/@type)"/>
    <xsl:variable name="stem" select="$tk:register-stem($type)"/>
    <xsl:variable name="letter" select="string($register/@letter)"/>
    <xsl:variable name="page" select="tk:page-of($register)[1]"/>
    <!-- from this page to registers/: a letter's page n (from 2) is registers/<type>-<letter>/n.html -->
    <xsl:variable name="here" select="if ($page = 1) then '' else '../'"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label($type, $site-lang) || (if ($letter) then ': ' || $letter else '')"/>
      <xsl:with-param name="current" select="$type"/>
      <xsl:with-param name="root" select="$here || '../'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="intro">{tk:label('register-intro', $site-lang)} {tk:count(xs:integer($register/@total), 'entries')}.</p>
        <xsl:call-template name="tk:jump-bar">
          <xsl:with-param name="register" select="$register"/>
          <xsl:with-param name="root" select="$here || '../'"/>
        </xsl:call-template>
        <xsl:choose>
          <xsl:when test="$register/@paged = 'yes' and not($letter)">
            <ul class="letters">
              <xsl:for-each select="$register/letter[@count != '0']">
                <li><a href="{tk:uri-segment($stem || '-' || @slug)}.html">{@name}</a>
                  <xsl:text> </xsl:text><span class="count">({tk:count(xs:integer(@count), 'entries')})</span></li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each-group select="$register/e" group-adjacent="string(@letter)">
              <xsl:variable name="slug" select="$register/letter[@name = current-grouping-key()]/@slug"/>
              <section class="letter" aria-labelledby="letter-{$slug}">
                <h2 id="letter-{$slug}">{current-grouping-key()}</h2>
                <ul class="register">
                  <xsl:for-each select="current-group()">
                    <li id="{@id}">
                      <a class="entry idx-{$type}" href="{$here}{tk:uri-segment($stem)}/{tk:uri-segment(@id)}.html">{@name}</a>
                      <xsl:text> </xsl:text>
                      <span class="count">({tk:count(xs:integer(@mentions), 'mentions')}, {tk:count(xs:integer(@articles), 'articles')})</span>
                    </li>
                  </xsl:for-each>
                </ul>
              </section>
            </xsl:for-each-group>
            <xsl:call-template name="tk:pager">
              <xsl:with-param name="page" select="$page"/>
              <xsl:with-param name="pages" select="tk:page-of($register)[2]"/>
              <xsl:with-param name="first" select="tk:uri-segment($stem || '-' || $register/letter[@name = $letter]/@slug)"/>
              <xsl:with-param name="root" select="$here"/>
              <xsl:with-param name="label" select="tk:label('list-pages', $site-lang)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- registers/<type>/<id>.html: the entry's names, authority ids, articles by year, and every mention in context. -->
  <xsl:template name="entity-page">
    <xsl:variable name="entity" select="$data/entity"/>
    <xsl:variable name="type" select="string($entity/@type)"/>
    <xsl:variable name="stem" select="$tk:register-stem($type)"/>
    <xsl:variable name="page" select="tk:page-of($entity)[1]"/>
    <!-- from this page to registers/: page n (from 2) is registers/<type>/<id>/n.html -->
    <xsl:variable name="up" select="if ($page = 1) then '../' else '../../'"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="string($entity/@name)"/>
      <xsl:with-param name="current" select="$type"/>
      <xsl:with-param name="root" select="$up || '../'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="entity-summary">
          <a href="{$up}{tk:uri-segment($stem)}.html">{tk:label($type, $site-lang)}</a>
          <xsl:text> · </xsl:text>
          <span class="count">{tk:count(xs:integer($entity/@mentions), 'mentions')}, {tk:count(xs:integer($entity/@articles), 'articles')}</span>
        </p>
        <dl class="meta">
          <xsl:if test="$entity/v">
            <dt>{tk:label('variants', $site-lang)}</dt>
            <dd>{string-join($entity/v/@text, ' · ')}</dd>
          </xsl:if>
          <xsl:for-each select="$entity/idno">
            <!-- Wikidata: an id (type="wikidata", files written before the corpus register) or its concept URI -->
            <xsl:variable name="wikidata" select="if (@type = 'wikidata' and matches(@value, '^Q[0-9]+$')) then string(@value)
                else if (matches(@value, '^https?://www\.wikidata\.org/entity/Q[0-9]+$')) then replace(@value, '^.*/', '') else ''"/>
            <dt>{if ($wikidata) then tk:label('wikidata', $site-lang) else string(@type)}</dt>
            <dd>
              <!-- an authority's own id (GND 118607626) is no link of this site: a URI is linked, or the id at its resolver -->
              <xsl:variable name="resolver" select="$tk:authority-resolvers(lower-case(@type))" as="xs:string?"/>
              <xsl:variable name="href" select="if ($wikidata) then 'https://www.wikidata.org/wiki/' || $wikidata
                  else if (exists(tk:uri-scheme(@value))) then tk:safe-href(@value)
                  else if ($resolver and matches(@value, '^[A-Za-z0-9\-_.X]+$')) then $resolver || @value else ''"/>
              <xsl:choose>
                <xsl:when test="$href"><a class="authority" href="{$href}">{@value}</a></xsl:when>
                <xsl:otherwise>{@value}</xsl:otherwise>
              </xsl:choose>
            </dd>
          </xsl:for-each>
        </dl>
        <xsl:if test="$entity/year">
          <h2>{tk:label('over-time', $site-lang)}</h2>
          <ul class="years">
            <xsl:for-each select="$entity/year">
              <li><a href="{$up}dates/{tk:uri-segment(@y)}.html">{@y}</a>: {tk:count(xs:integer(@articles), 'articles')}</li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <h2>{tk:label('mentions-heading', $site-lang)}</h2>
        <ul class="occurrences">
          <xsl:for-each select="$entity/art">
            <xsl:variable name="article" select="$up || '../' || tk:uri-segment(@stem) || '.html'"/>
            <!-- the article's title and its words around each mention in its language, its date in its labels' -->
            <xsl:variable name="lang" select="(@lang[.], $site-lang)[1]"/>
            <li>
              <a class="article" href="{$article}"><xsl:sequence select="tk:lang-attributes($lang, $site-lang)"/>{@title}</a>
              <xsl:if test="@label != ''"><xsl:text> </xsl:text><span class="count"><xsl:sequence
                select="tk:lang-attributes(tk:label-lang($lang), $site-lang)"/>({@label})</span></xsl:if>
              <ul class="contexts">
                <xsl:sequence select="tk:lang-attributes($lang, $site-lang)"/>
                <xsl:for-each select="m">
                  <li>{@before}<a class="mention" href="{$article}#{tk:uri-segment(@mid)}"><mark>{@text}</mark></a>{@after}</li>
                </xsl:for-each>
              </ul>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:call-template name="tk:pager">
          <xsl:with-param name="page" select="$page"/>
          <xsl:with-param name="pages" select="tk:page-of($entity)[2]"/>
          <xsl:with-param name="first" select="tk:uri-segment($stem) || '/' || tk:uri-segment($entity/@id)"/>
          <xsl:with-param name="root" select="$up"/>
          <xsl:with-param name="label" select="tk:label('list-pages', $site-lang)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- registers/dates.html: per year and month, how many articles and dated mentions. -->
  <xsl:template name="timeline-page">
    <xsl:variable name="timeline" select="$data/timeline"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label('date', $site-lang)"/>
      <xsl:with-param name="current" select="'date'"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="intro">{tk:label('timeline-intro', $site-lang)}</p>
        <xsl:if test="$timeline/year">
          <nav class="jump-bar" aria-label="{tk:label('years', $site-lang)}">
            <ul>
              <xsl:for-each select="$timeline/year">
                <li><a href="dates/{tk:uri-segment(@y)}.html">{@y}</a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:if>
        <table class="timeline">
          <thead>
            <tr><th scope="col">{tk:label('period', $site-lang)}</th><th scope="col">{tk:label('articles-col', $site-lang)}</th><th scope="col">{tk:label('dated-mentions', $site-lang)}</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$timeline/year">
              <xsl:variable name="year" select="string(@y)"/>
              <tr class="year">
                <th scope="row"><a href="dates/{tk:uri-segment($year)}.html">{$year}</a></th>
                <td>{@articles}</td><td>{@mentions}</td>
              </tr>
              <xsl:for-each select="month">
                <tr class="month">
                  <th scope="row"><a href="{tk:page-href('dates/' || tk:uri-segment($year), xs:integer((@page, 1)[1]), '')}#m-{if (@m != '') then @m else '00'}">{tk:month-label($year, string(@m))}</a></th>
                  <td>{@articles}</td><td>{@mentions}</td>
                </tr>
              </xsl:for-each>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:if test="$timeline/@undated != '0'">
          <p class="count">{tk:label('no-date', $site-lang)}: {tk:count(xs:integer($timeline/@undated), 'articles')}</p>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- search.html: the search form (words, and one group of filters per facet, the values
       given in $data in collation order), the results (search.js, Pagefind). -->
  <xsl:template name="search-page">
    <xsl:variable name="search" select="$data/search"/>
    <html lang="{$site-lang}">
      <xsl:if test="tk:direction($site-lang) eq 'rtl'"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
      <xsl:call-template name="tk:html-head">
        <xsl:with-param name="title" select="tk:label('search-title', $site-lang)"/>
        <xsl:with-param name="search" select="true()"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="tk:site-nav">
          <xsl:with-param name="index-href" select="'index.html'"/>
          <xsl:with-param name="registers-href" select="'registers/'"/>
          <xsl:with-param name="lang" select="$site-lang"/>
          <xsl:with-param name="current" select="'search'"/>
        </xsl:call-template>
        <main id="main">
          <h1>{tk:label('search-title', $site-lang)}</h1>
          <p id="search-file-note" class="note" hidden="">{tk:label('search-file', $site-lang)}</p>
          <noscript><p class="note">{tk:label('search-noscript', $site-lang)}</p></noscript>
          <form id="search-form" class="search-form" role="search" method="get" action="search.html">
            <p class="search-words">
              <label for="search-q">{tk:label('search', $site-lang)}</label>
              <input type="search" id="search-q" name="q" autocomplete="off"/>
              <button type="submit">{tk:label('search-go', $site-lang)}</button>
            </p>
            <div class="facets">
              <h2 class="facets-heading">{tk:label('search-filters', $site-lang)}</h2>
              <xsl:for-each select="$search/facet[value]">
                <fieldset class="facet">
                  <legend>{tk:label(@name, $site-lang)}<xsl:if test="@more = 'yes'"> ({tk:label('search-top', $site-lang)})</xsl:if></legend>
                  <ul>
                    <xsl:variable name="facet" select="string(@name)"/>
                    <xsl:for-each select="value">
                      <li><label><input type="checkbox" name="{$facet}" value="{@name}"/><xsl:text> </xsl:text>{@name}<xsl:text> </xsl:text><span class="count">({@count})</span></label></li>
                    </xsl:for-each>
                  </ul>
                </fieldset>
              </xsl:for-each>
            </div>
          </form>
          <h2 class="results-heading">{tk:label('search-results', $site-lang)}</h2>
          <p id="search-status" role="status" aria-live="polite"
             data-one="{tk:label('search-count-1', $site-lang)}" data-many="{tk:label('search-count', $site-lang)}"
             data-none="{tk:label('search-none', $site-lang)}" data-loading="{tk:label('search-loading', $site-lang)}"></p>
          <ol id="search-results" class="search-results"></ol>
          <button type="button" id="search-more" hidden="">{tk:label('search-more', $site-lang)}</button>
        </main>
        <xsl:call-template name="tk:footer">
          <xsl:with-param name="lang" select="$site-lang"/>
        </xsl:call-template>
        <xsl:call-template name="tk:script">
          <xsl:with-param name="assets-href" select="'assets/'"/>
          <xsl:with-param name="file" select="'search.js'"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- "tháng 7 năm 2013" / "July 2013"; the year alone for no month. -->
  <xsl:function name="tk:month-label" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="month" as="xs:string"/>
    <xsl:sequence select="if ($month = '') then $year || ' (' || tk:label('no-month', $site-lang) || ')'
                          else tk:human-date($year || '-' || $month, $site-lang)"/>
  </xsl:function>

  <!-- registers/dates/<year>.html: the year's articles and dated mentions, month by month. -->
  <xsl:template name="year-page">
    <xsl:variable name="year" select="$data/year"/>
    <xsl:variable name="page" select="tk:page-of($year)[1]"/>
    <!-- from this page to registers/: page n (from 2) is registers/dates/<year>/n.html -->
    <xsl:variable name="up" select="if ($page = 1) then '../' else '../../'"/>
    <xsl:call-template name="tk:page">
      <xsl:with-param name="title" select="tk:label('date', $site-lang) || ': ' || $year/@y"/>
      <xsl:with-param name="current" select="'date'"/>
      <xsl:with-param name="root" select="$up || '../'"/>
      <xsl:with-param name="content" as="node()*">
        <p class="entity-summary"><a href="{$up}dates.html">{tk:label('date', $site-lang)}</a></p>
        <xsl:for-each select="$year/month">
          <section class="month" aria-labelledby="m-{if (@m != '') then @m else '00'}">
            <h2 id="m-{if (@m != '') then @m else '00'}">{tk:month-label($year/@y, string(@m))}</h2>
            <xsl:if test="a">
              <h3>{tk:count(xs:integer((@articles, count(a))[1]), 'articles')}</h3>
              <ul class="occurrences">
                <xsl:for-each select="a">
                  <!-- its date in the site's language, as the index gives it (a label in its article's for a date HTML has no form for) -->
                  <li><a class="article" href="{$up}../{tk:uri-segment(@stem)}.html">{@title}</a><xsl:text> </xsl:text><span class="count">({if (matches(@when, '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')) then tk:human-date(@when, $site-lang) else @label})</span></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
            <xsl:if test="d">
              <h3>{tk:count(xs:integer((@mentions, count(d))[1]), 'dated-mentions-n')}</h3>
              <ul class="contexts">
                <xsl:for-each select="d">
                  <xsl:variable name="article" select="$up || '../' || tk:uri-segment(@stem) || '.html'"/>
                  <li><span class="when">{(tk:date-label(tk:date-of-spec(@spec), $site-lang)[.], @label)[1]}</span>: {@before}<a class="mention" href="{$article}#{tk:uri-segment(@mid)}"><mark>{@text}</mark></a>{@after}<xsl:text> — </xsl:text><a class="article" href="{$article}">{@title}</a></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </section>
        </xsl:for-each>
        <xsl:call-template name="tk:pager">
          <xsl:with-param name="page" select="$page"/>
          <xsl:with-param name="pages" select="tk:page-of($year)[2]"/>
          <xsl:with-param name="first" select="'dates/' || tk:uri-segment($year/@y)"/>
          <xsl:with-param name="root" select="$up"/>
          <xsl:with-param name="label" select="tk:label('list-pages', $site-lang)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
