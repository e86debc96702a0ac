<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading text of any TEI document, shared by the HTML and text editions.

  One reading per alternative: of a choice, the editor's corr, reg or expan
  (teikit's own machine abbreviations, whose expansion a recogniser supplied,
  read as printed: the abbr); of an app, the lem (else its first rdg). Which
  elements are blocks (a paragraph, a verse line, a list item …), so that an
  edition never glues two blocks together nor puts a block inside a sentence.
  Notes are numbered once per document, in document order, for both editions;
  a speaker note is no footnote: it heads its utterance (tk:speaker-note), and
  what happens beside the words of a speech (vocal, incident, kinesic) and a
  gap read as the editor's description in brackets (tk:description).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Text the editions leave out of the reading text, the one list of it: abbreviation markers
       of an expansion, index entries, standoff apparatus, pictures, and forme work (fw: running
       heads, catchwords, page numbers the printer set, which are no words of the text). The HTML
       edition shows none of it; deletions (del) it shows struck through, and reads them no more than
       the text edition does, but for a restored one (in a restore), which both read. The templates that leave them out match these patterns
       (_match="{$tk:unshown}", "{$tk:unread}"); tk:is-hidden asks the same. -->
  <xsl:variable name="tk:unshown" static="yes" as="xs:string"
      select="'am[ancestor::expan] | index | interpGrp | interp | linkGrp | link | span | spanGrp | figDesc | graphic | binaryObject | fs | fLib | fw'"/>
  <!-- A deletion inside a restore was cancelled (<restore><del>word</del></restore>): its words are
       the text's again, and read. -->
  <xsl:variable name="tk:unread" static="yes" as="xs:string" select="'del[not(ancestor::restore)] | ' || $tk:unshown"/>

  <!-- Read as a space: white space the editor marked, the caesura parting two half-lines of verse.
       And parts often written without a space between them (an address's lines, a cast item's or
       a respStmt's parts): a space before each but the first. Every edition's templates match
       these patterns (the HTML's, transcription.xsl, spaces them in their parent's template). -->
  <xsl:variable name="tk:spacers" static="yes" as="xs:string" select="'space | caesura'"/>
  <xsl:variable name="tk:spaced-parts" static="yes" as="xs:string"
      select="'addrLine | castItem/*[not(self::note)] | address/*[not(self::note)] | respStmt/*[not(self::note)]'"/>

  <!-- What an edition reads of a document: its text, else (a genetic edition, a transcription of
       the document's surfaces and nothing else) its sourceDoc, each transcribed line a block of
       its own. A document with a text reads it alone: its sourceDoc transcribes the same pages.
       A document with neither (a facsimile only, or its text in a nested TEI) is refused before
       it reaches the stylesheets (render.renderer.Renderer.load). -->
  <xsl:function name="tk:text-of" as="element()*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="if ($tei/text) then $tei/text else $tei/sourceDoc"/>
  </xsl:function>

  <!-- The parts of tk:text-of an edition renders in turn: front, body, back (the texts of a group),
       or each sourceDoc. -->
  <xsl:function name="tk:text-parts" as="element()*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="if ($tei/text) then $tei/text/(front | body | back | group) else $tei/sourceDoc"/>
  </xsl:function>

  <!-- Whether a node is in what an edition reads of its document (tk:text-of). -->
  <xsl:function name="tk:in-text" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/ancestor::text) or exists($node/ancestor::sourceDoc[not(../text)])"/>
  </xsl:function>

  <!-- Parts other projects write one against the other, with no space between (a quotation and its
       source in a cit or an epigraph, a bibl's author, title and date, a name's forename and surname,
       a date's day, month and year, a ruby's base and gloss, a measureGrp's measures, an utterance's
       segments and gaps (ParlaMint's <u><seg>…</seg><seg>…</seg></u>), and the parts of
       a dictionary's entry, TEI's chapter 9: its forms, grammar, senses, definitions, examples, cross
       references, etymology …, "chat ʃa n m Petit mammifère."): a part right after another element
       (no text between them) is read a space after it, in every edition, the apparatus, the site's
       contexts and the header's lines (tk:plain). parent name -> the names of such parts; '*' every
       element but tokens (w, pc: tk:after-token spaces them), breaks and notes (tk:unabutting). -->
  <xsl:variable name="tk:abutting-parts" as="map(xs:string, xs:string+)" select="map{
      'cit': ('quote', 'q', 'bibl', 'ref', 'ptr', 'biblStruct', 'listBibl',
              'cit', 'form', 'orth', 'pron', 'gramGrp', 'usg', 'lbl', 'def', 'sense', 'xr', 'etym'),
      'epigraph': ('quote', 'q', 'cit', 'bibl', 'ref', 'ptr', 'biblStruct', 'listBibl'),
      'bibl': ('author', 'editor', 'title', 'date', 'pubPlace', 'publisher', 'biblScope', 'citedRange', 'idno', 'edition',
               'extent', 'series', 'respStmt'),
      'persName': ('forename', 'surname', 'roleName', 'addName', 'genName', 'nameLink'),
      'date': ('day', 'month', 'year', 'time'),
      'ruby': ('rb', 'rt'),
      'measureGrp': ('measure', 'num'),
      'u': ('seg', 'gap'),
      'entry': '*', 'entryFree': '*', 'superEntry': '*', 'hom': '*', 'sense': '*', 're': '*', 'dictScrap': '*',
      'form': '*', 'gramGrp': '*', 'etym': '*', 'xr': '*'}"/>
  <xsl:variable name="tk:unabutting" as="xs:string+" select="'w', 'pc', 'lb', 'pb', 'cb', 'note'"/>

  <!-- The pattern of an element read a space after the element it abuts, for the templates that read
       or render it (_match="{$tk:abutting}", above the templates that give an element its id and
       language): such a part (tk:abuts), or a token after a token (tk:after-token, below); after a
       test of their first condition written out in the pattern (an element right after another),
       which most elements, after text, fail without a function call, and the pattern is tried on
       every element of every edition. One pattern, one rule a mode: a second rule for tokens,
       tried on every element, cost teikit's text edition 5% though it matched none. -->
  <xsl:variable name="tk:abutting" static="yes" as="xs:string"
      select="'*[preceding-sibling::node()[1] instance of element()][tk:abuts(.) or $tk:tokenised and tk:after-token(.)]'"/>

  <xsl:function name="tk:abuts" as="xs:boolean">
    <xsl:param name="part" as="element()"/>
    <xsl:variable name="parts" as="xs:string*" select="$part/.. ! $tk:abutting-parts(local-name(.))"/>
    <xsl:sequence select="exists($part/preceding-sibling::node()[1][self::*])
                          and (local-name($part) = $parts or ($parts = '*' and not(local-name($part) = $tk:unabutting)))"/>
  </xsl:function>

  <!-- Tokens (w, pc: TEI's tokenised text, "Linguistic Segment Categories") written one against the
       other, with no white space between them (<w>Der</w><w>Hund</w><pc>.</pc>): a reader still
       separates the words, so every edition, the apparatus and the site's contexts read a space
       between two tokens, but where they join. The policy:
       - a space goes between a token and the token read after it when nothing stands between them
         but notes and what is not read (tk:unread): no text, not even white space (white space that
         stands between them is kept as it is, and no space is added to it), no break (lb, pb, cb:
         a space, or @break="no": the word goes on), no space or caesura;
       - the tokens may be nested in other elements, the space goes between the two outermost
         siblings that end and start with them (<s><w>a</w><pc>.</pc></s><s><w>B</w></s> reads
         "a. B": the space before the second s, outside a name's link, as the words around a name
         are); a block ends and starts none (it is set apart already), a choice or app at its
         reading, and a part the edition spaces already (tk:abuts, tk:spaced-parts) takes no
         second space;
       - none where @join (att.linguistic) says they join: the first's "right", "both" or "overlap",
         the second's "left", "both" or "overlap" ("no" and the other side's values join nothing);
       - none, for a pc without @join, before one that closes or trails (its @pre="false", or, with
         no @pre, all its characters closing punctuation: . , ; : ! ? … ) ] } » ” ’ and the like,
         Unicode's Pe and Pf), nor after one that opens (@pre="true", or ( [ { « “ ‘ ¡ ¿: Ps and
         Pi). Quotation marks are told by their Unicode class, so a text whose quotes go the other
         way (German »…«, „…“) says so with @join or @pre. Any other pc (a dash, a straight
         quote, a slash) is spaced as a word is.
       Read and rendered by the templates of such parts ($tk:abutting, above); $tk:tokenised, once a
       document, spares a document with no token (teikit's own) the call. -->

  <!-- Whether the document has a token at all (the global context item's; none, and no token is spaced). -->
  <xsl:variable name="tk:tokenised" as="xs:boolean" select="exists(//w | //pc)"/>

  <!-- Whether a space goes before an element for the tokens it abuts ($tk:abutting): it starts with a
       token, the node read before it (past notes and what is not read) is an element that ends with
       one, they do not join (tk:tokens-join), and the element is no part spaced otherwise (tk:abuts,
       which $tk:abutting asks first, and tk:spaced-parts). -->
  <xsl:function name="tk:after-token" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="before" select="$element/preceding-sibling::node()[not(self::note or self::*[tk:is-hidden(.)])][1]"/>
    <xsl:variable name="last" select="$before[self::*] ! tk:edge-token(., true())"/>
    <xsl:variable name="first" as="element()?" select="if (exists($last)) then tk:edge-token($element, false()) else ()"/>
    <xsl:sequence select="exists($first) and not(tk:is-spaced-part($element)) and not(tk:tokens-join($last, $first))"/>
  </xsl:function>

  <!-- The token an element ends with ($last) or starts with, as it is read: itself (a w or pc), else
       its last (first) node but notes and what is not read, a choice's or app's in its reading, if
       that is an element ending (starting) with one; none at text (white space too), at a block, or
       at an element with no token there. -->
  <xsl:function name="tk:edge-token" as="element()?">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="last" as="xs:boolean"/>
    <xsl:variable name="read" select="if ($element/self::choice or $element/self::app) then tk:reading($element)/node()
                                      else $element/node()"/>
    <xsl:variable name="nodes" select="$read[not(self::note or self::*[tk:is-hidden(.)])]"/>
    <xsl:variable name="edge" select="if ($last) then $nodes[last()] else $nodes[1]"/>
    <xsl:sequence select="if ($element/self::w or $element/self::pc) then $element
                          else if (tk:is-block-element($element)) then ()
                          else $edge[self::*] ! tk:edge-token(., $last)"/>
  </xsl:function>

  <!-- Whether two tokens, $first read right before $second, join (no space between them): by @join,
       else (a pc without @join) by the side its punctuation stands on (tk:punctuation-closes). -->
  <xsl:function name="tk:tokens-join" as="xs:boolean">
    <xsl:param name="first" as="element()"/>
    <xsl:param name="second" as="element()"/>
    <xsl:sequence select="$first/@join = ('right', 'both', 'overlap') or $second/@join = ('left', 'both', 'overlap')
                          or $second[self::pc][empty(@join)] ! tk:punctuation-closes(., true())
                          or $first[self::pc][empty(@join)] ! tk:punctuation-closes(., false())"/>
  </xsl:function>

  <!-- Whether a pc closes (trails) what it delimits ($closes true) or opens it ($closes false): its @pre
       ("true": it precedes the unit it delimits), else its characters, every one of them closing
       punctuation (Unicode Pe, Pf and the stops . , ; : ! ? … of any script) or opening (Ps, Pi, ¡ ¿). -->
  <xsl:function name="tk:punctuation-closes" as="xs:boolean">
    <xsl:param name="pc" as="element(pc)"/>
    <xsl:param name="closes" as="xs:boolean"/>
    <xsl:variable name="pre" select="normalize-space($pc/@pre)"/>
    <xsl:sequence select="if ($pre = ('true', '1')) then not($closes)
        else if ($pre = ('false', '0')) then $closes
        else if ($closes) then matches(tk:normalize($pc), '^[\p{Pe}\p{Pf}.,;:!?…‥‼‽⁇⁈⁉%‰‱、。，．：；！？·،؛؟۔।॥]+$')
        else matches(tk:normalize($pc), '^[\p{Ps}\p{Pi}¡¿]+$')"/>
  </xsl:function>

  <!-- Whether an element is a part an edition reads a space before already (tk:spaced-parts). -->
  <xsl:mode name="tk:spaced-part" on-no-match="deep-skip" on-multiple-match="fail"/>  <!-- the element itself, never its descendants -->

  <xsl:template _match="{$tk:spaced-parts}" mode="tk:spaced-part" as="xs:boolean">
    <xsl:sequence select="true()"/>
  </xsl:template>

  <xsl:function name="tk:is-spaced-part" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="spaced" as="xs:boolean?"><xsl:apply-templates select="$element" mode="tk:spaced-part"/></xsl:variable>
    <xsl:sequence select="exists($spaced)"/>
  </xsl:function>

  <!-- Elements that always stand on their own in an edition, the one list of them: tk:is-block-element
       asks it of a node, and templates match it as a pattern ($tk:blocks, "p | ab | div | …"). -->
  <xsl:variable name="tk:block-list" static="yes" as="xs:string+" select="
      'p', 'ab', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'head',
      'lg', 'l', 'list', 'item', 'table', 'row', 'cell', 'figure',
      'opener', 'closer', 'salute', 'signed', 'dateline', 'byline', 'trailer', 'postscript',
      'epigraph', 'argument', 'entry', 'entryFree', 'superEntry', 'titlePage', 'docTitle', 'titlePart', 'docImprint', 'docEdition',
      'sp', 'speaker', 'spGrp', 'u', 'castList', 'castItem', 'floatingText', 'front', 'body', 'back', 'group', 'text',
      'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listBibl', 'listNym', 'listWit',
      'person', 'personGrp', 'place', 'org', 'event', 'nym', 'witness',
      'sourceDoc', 'surfaceGrp', 'surface', 'zone', 'line'"/>
  <xsl:variable name="tk:block-names" as="map(xs:string, xs:boolean)" select="map:merge($tk:block-list ! map{.: true()})"/>
  <xsl:variable name="tk:blocks" static="yes" as="xs:string" select="string-join($tk:block-list, ' | ')"/>

  <xsl:function name="tk:is-block-element" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element() and namespace-uri($node) eq $tk:tei-ns
                          and exists($tk:block-names(local-name($node)))"/>
  </xsl:function>

  <!-- Some block inside the element (not counting what its notes hold, which is set apart). -->
  <xsl:function name="tk:has-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists(($element//*[tk:is-block-element(.)] except $element//note//*))"/>
  </xsl:function>

  <!-- A node an edition sets on its own: a block, or an element holding one. -->
  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="tk:is-block-element($node) or ($node instance of element() and tk:has-block($node))"/>
  </xsl:function>

  <!-- Markup a program added: @resp points at an application of the document, or at a
       respStmt whose name points at one (teikit's encoding, docs/encoding.md). -->
  <xsl:function name="tk:is-machine" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="ids" select="tokenize($element/@resp)[starts-with(., '#')] ! substring(., 2)"/>
    <xsl:variable name="agents" select="id($ids, $element)"/>
    <xsl:variable name="named" select="tokenize(string-join($agents/self::respStmt/name/@ref, ' '))[starts-with(., '#')] ! substring(., 2)"/>
    <xsl:sequence select="exists($ids) and (exists($agents[self::application]) or exists(id($named, $element)[self::application]))"/>
  </xsl:function>

  <!-- The branch of a choice or app that is read; the others are alternatives. -->
  <xsl:function name="tk:reading" as="element()?">
    <xsl:param name="alternatives" as="element()"/>
    <xsl:variable name="readings" select="tk:app-readings($alternatives)"/>
    <xsl:sequence select="
        if ($alternatives/self::app) then ($readings[self::lem], $readings[self::rdg])[1]
        else if ($alternatives/self::subst) then ($alternatives/add, $alternatives/*)[1]
        else if ($alternatives/abbr and tk:is-machine($alternatives)) then $alternatives/abbr[1]
        else ($alternatives/corr, $alternatives/reg, $alternatives/expan, $alternatives/*)[1]"/>
  </xsl:function>

  <!-- The lem and rdg of an app, in document order, those grouped in a rdgGrp (at any depth) too:
       <app><rdgGrp><lem/><rdg/></rdgGrp></app> reads its lem as <app><lem/><rdg/></app> does.
       Not those of an app nested in them. Nothing for an element that is no app. -->
  <xsl:function name="tk:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/self::app/descendant::*[self::lem or self::rdg]
                                        [(ancestor::* except ancestor::rdgGrp)[last()] is $app]"/>
  </xsl:function>

  <!-- The alternatives not read, as "rdg: text (#wit)" strings: the other branches (an app's
       readings each on its own, out of their rdgGrp). -->
  <xsl:function name="tk:alternatives" as="xs:string*">
    <xsl:param name="alternatives" as="element()"/>
    <xsl:variable name="read" select="tk:reading($alternatives)"/>
    <xsl:variable name="branches" select="($alternatives/* except $alternatives/rdgGrp) | tk:app-readings($alternatives)"/>
    <xsl:sequence select="($branches except $read)[not(self::note)]
        ! (local-name() || ': ' || (tk:reading-text(.)[.], '∅')[1]
           || (@wit ! (' (' || normalize-space(.) || ')')))"/>
  </xsl:function>

  <!-- The reading text of an element's content, as the editions read it in the text, on one line:
       one branch per choice and app (nested ones too), nothing of what is not read (tk:unread)
       nor of notes (set apart, not part of the words), breaks and blocks a space unless the word
       goes on, a gap "[…]". For the apparatus and the alternatives on hover. -->
  <xsl:function name="tk:reading-text" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="tk:normalize(tk:reading-of($element/node()))"/>
  </xsl:function>

  <!-- The reading text of nodes as they stand (a choice among them one branch, a note nothing …),
       white space not folded. -->
  <xsl:function name="tk:reading-of" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="tk:reading-text"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:mode name="tk:reading-text" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <xsl:template _match="note | {$tk:unread}" mode="tk:reading-text" priority="3"/>

  <xsl:template match="choice | app" mode="tk:reading-text">
    <xsl:apply-templates select="tk:reading(.)/node()" mode="tk:reading-text"/>
  </xsl:template>

  <xsl:template _match="{$tk:spacers}" mode="tk:reading-text">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- The space, then the part as its own template reads it (a choice one branch, a gap "[…]"). -->
  <xsl:template _match="{$tk:spaced-parts}" mode="tk:reading-text" priority="2">
    <xsl:if test="preceding-sibling::node()"><xsl:sequence select="' '"/></xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template _match="{$tk:abutting}" mode="tk:reading-text" priority="2.5">
    <xsl:sequence select="' '"/>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="lb | pb | cb" mode="tk:reading-text">
    <xsl:if test="not(tk:break-joins(.))"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>

  <xsl:template match="text()[preceding-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]
                     | text()[following-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]]"
                mode="tk:reading-text">
    <xsl:sequence select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <xsl:template match="ptr" mode="tk:reading-text">
    <xsl:sequence select="tk:pointer-label(.)"/>
  </xsl:template>

  <!-- What a ptr (a pointer without words of its own) reads, for its first @target: a note of the
       text it points at gives the note's mark "[n]", another element of the document its head or
       @n (else its id), and any other URI is printed as written. -->
  <xsl:function name="tk:pointer-label" as="xs:string">
    <xsl:param name="ptr" as="element()"/>
    <xsl:variable name="uri" select="tokenize($ptr/@target)[1]"/>
    <xsl:variable name="target" select="if (starts-with($uri, '#')) then id(substring($uri, 2), $ptr)[1] else ()"/>
    <xsl:sequence select="
        if ($target/self::note[tk:in-text(.)]) then '[' || tk:note-label($target) || ']'
        else if (exists($target)) then ($target/head[1] ! tk:reading-text(.), tk:normalize($target/@n), substring($uri, 2))[.][1]
        else string($uri)"/>
  </xsl:function>

  <xsl:template match="g[not(node())]" mode="tk:reading-text">
    <xsl:sequence select="tk:glyph(.)"/>
  </xsl:template>

  <!-- What an empty g (a character or glyph the header's charDecl declares, <g ref="#hedera"/>)
       reads: its declaration's standard mapping, else its first mapping, else U+FFFD, the
       replacement character, so that it is never nothing and never glues the words around it. -->
  <xsl:function name="tk:glyph" as="xs:string">
    <xsl:param name="g" as="element(g)"/>
    <xsl:variable name="uri" select="tokenize($g/@ref)[1]"/>
    <xsl:variable name="declared" select="if (starts-with($uri, '#')) then id(substring($uri, 2), $g)[self::char or self::glyph][1] else ()"/>
    <xsl:sequence select="(($declared/mapping[@type = 'standard'], $declared/mapping) ! string(.)[.], '&#xFFFD;')[1]"/>
  </xsl:function>

  <xsl:template match="gap" mode="tk:reading-text">
    <xsl:sequence select="tk:description(.)"/>
  </xsl:template>

  <!-- Speech (TEI's chapter 8, transcriptions of speech, as ParlaMint's parliamentary corpora write it).
       What happens beside the words (vocal: a cough, an interruption; incident; kinesic: applause)
       is no word of the speaker's: every edition reads it as the editor's description, "[Interruption]",
       a space either side, never glued to the words around it (it was "it.InterruptionStrongly").
       The templates of each edition match $tk:events and read tk:description. -->
  <xsl:variable name="tk:events" static="yes" as="xs:string" select="'vocal | incident | kinesic'"/>

  <xsl:template _match="{$tk:events}" mode="tk:reading-text">
    <xsl:sequence select="' ' || tk:description(.) || ' '"/>
  </xsl:template>

  <!-- What an edition prints for an event ($tk:events) or a gap: its desc in brackets, "[Interruption]",
       "[procedural text omitted]"; without a desc, a gap's "[…]", an event nothing (a space). -->
  <xsl:function name="tk:description" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="desc" select="$element/desc[1] ! tk:reading-text(.)"/>
    <xsl:sequence select="if ($desc) then '[' || $desc || ']' else if ($element/self::gap) then '[…]' else ''"/>
  </xsl:function>

  <!-- Who speaks an utterance (u, a block): the speaker note right before it (a note type="speaker",
       named after TEI's speaker element, only white space between them: "Alice Smith (Lab):"), which
       every edition sets at the head of the utterance instead of as a footnote; else the name of the
       person (or group) its @who points at, where the document lists them (its persName, else its
       name); else none (an id is no name). A speaker note before anything else is read where it stands. -->
  <xsl:function name="tk:speaker-note" as="element(note)?">
    <xsl:param name="u" as="element()"/>
    <xsl:sequence select="$u/preceding-sibling::node()[not(self::text()[not(normalize-space())])][1][self::note[@type = 'speaker']]"/>
  </xsl:function>

  <xsl:function name="tk:speaker-name" as="xs:string?">
    <xsl:param name="u" as="element()"/>
    <xsl:variable name="uri" select="tokenize($u/@who)[1]"/>
    <xsl:variable name="person" select="if (starts-with($uri, '#')) then id(substring($uri, 2), $u)[self::person or self::personGrp][1] else ()"/>
    <xsl:sequence select="if (exists(tk:speaker-note($u))) then () else ($person/(persName, name)[1] ! tk:plain(.))[.][1]"/>
  </xsl:function>

  <!-- Whether a speaker note is one an utterance right after it sets at its head (tk:speaker-note). -->
  <xsl:function name="tk:heads-utterance" as="xs:boolean">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="exists($note/following-sibling::node()[not(self::text()[not(normalize-space())])][1][self::u])"/>
  </xsl:function>

  <!-- The notes of a document's text that are notes (footnotes, numbered, listed after the text):
       every note but the speaker notes, which say who speaks (tk:speaker-note). -->
  <xsl:function name="tk:footnotes" as="element(note)*" cache="yes">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="tk:text-of($tei)//note[not(@type = 'speaker')]"/>
  </xsl:function>

  <!-- A block: its names as the pattern (what tk:is-block-element asks), not *[tk:is-block-element(.)],
       which is a function call on every element of every reading; and no priority attribute, so
       that each name is a rule of its own that only its elements are tried against (a union with
       a priority is one rule, tried against every element). Each has the default priority 0: no
       other template of the mode matches a block. -->
  <xsl:template _match="{$tk:blocks}" mode="tk:reading-text">
    <xsl:sequence select="' '"/>
    <xsl:apply-templates mode="tk:reading-text"/>
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- The editor's alternatives of the text, for the apparatus: every app and subst, and every
       choice but teikit's machine abbreviations (whose expansion is no reading of the source). -->
  <xsl:function name="tk:apparatus" as="element()*" cache="yes">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="tk:text-of($tei)//(app | subst | choice[not(abbr and tk:is-machine(.))])[exists(tk:alternatives(.))]"/>
  </xsl:function>

  <!-- An apparatus entry: "lemma] alternative · alternative", each read as the text reads it. -->
  <xsl:function name="tk:apparatus-entry" as="xs:string">
    <xsl:param name="alternatives" as="element()"/>
    <xsl:sequence select="(tk:reading-text(tk:reading($alternatives))[.], '∅')[1] || '] '
                          || string-join(tk:alternatives($alternatives), ' · ')"/>
  </xsl:function>

  <!-- The notes in what an edition does not read ($unread: an unread branch of a choice, app or
       subst, a deletion, forme work …), the outermost ones (a note's own notes are in its footnote):
       every note of the text is listed, so these leave their markers where $unread stands. -->
  <xsl:function name="tk:notes-in" as="element(note)*">
    <xsl:param name="unread" as="node()*"/>
    <xsl:sequence select="$unread/descendant-or-self::note[empty(ancestor::note intersect $unread/descendant::note)]"/>
  </xsl:function>

  <!-- The notes of a choice or app outside the branch it reads: in its other branches, or its own
       children (<app><lem/><rdg/><note/></app>). -->
  <xsl:function name="tk:unread-notes" as="element(note)*">
    <xsl:param name="alternatives" as="element()"/>
    <xsl:variable name="read" select="tk:reading($alternatives)"/>
    <xsl:sequence select="tk:notes-in($alternatives/*) except $read/descendant::note"/>
  </xsl:function>

  <!-- The parts of a row, a table or a list (cells; rows and the head; items, the head and labels),
       the only children an edition sets in its own places there. -->
  <xsl:function name="tk:is-part" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node/self::cell[parent::row] | $node/self::row[parent::table] | $node/self::head[parent::table]
                                 | $node/(self::item | self::head | self::label)[parent::list])"/>
  </xsl:function>

  <!-- What else a row, table or list holds (a note, a gap, a page break: TEI's model.global) goes
       with the part before it, at its end, and those before the first part with the first part, at
       its start; so that every note keeps its marker, a gap its "[…]", in a table's cell. White
       space between parts is not. -->
  <xsl:function name="tk:strays-before" as="node()*">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="if (exists($part/preceding-sibling::node()[tk:is-part(.)])) then ()
                          else $part/preceding-sibling::node()[not(self::text()[not(normalize-space())])]"/>
  </xsl:function>

  <xsl:function name="tk:strays-after" as="node()*">
    <xsl:param name="part" as="element()"/>
    <xsl:variable name="next" select="$part/following-sibling::node()[tk:is-part(.)][1]"/>
    <xsl:sequence select="$part/following-sibling::node()[empty($next) or . &lt;&lt; $next]
                          [not(self::text()[not(normalize-space())])]"/>
  </xsl:function>

  <!-- A cell's strays: its own, and the first cell takes its row's before it, the last its row's after it. -->
  <xsl:function name="tk:cell-strays" as="node()*">
    <xsl:param name="cell" as="element()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <xsl:variable name="row" select="$cell/parent::row[parent::table]"/>
    <xsl:sequence select="if ($after) then (tk:strays-after($cell), $row[$cell is cell[last()]] ! tk:strays-after(.))
                          else ($row[$cell is cell[1]] ! tk:strays-before(.), tk:strays-before($cell))"/>
  </xsl:function>

  <!-- generate-id() of each note of the text (tk:footnotes) -> its number, 1 up in document order. -->
  <xsl:function name="tk:note-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:map>
      <xsl:for-each select="tk:footnotes($tei)">
        <xsl:map-entry key="generate-id()" select="position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:function>

  <!-- What a note's marker says: its @n, else its number. -->
  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="(normalize-space($note/@n)[.], string(tk:note-numbers(tk:tei($note))(generate-id($note))))[1]"/>
  </xsl:function>

  <xsl:mode name="tk:hidden" on-no-match="deep-skip" on-multiple-match="fail"/>  <!-- the element itself, never its descendants -->

  <xsl:template _match="{$tk:unread}" mode="tk:hidden" as="xs:boolean">
    <xsl:sequence select="true()"/>
  </xsl:template>

  <xsl:function name="tk:is-hidden" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="hidden" as="xs:boolean?"><xsl:apply-templates select="$element" mode="tk:hidden"/></xsl:variable>
    <xsl:sequence select="exists($hidden)"/>
  </xsl:function>

  <!-- Words going on across a break, the one policy of it for every edition, the apparatus and the
       site's contexts. A break (lb, pb, cb) joins the words on either side (no space: the HTML sets no
       <br>) when it has @break="no", or when the text right before it ends with ¬ (U+00AC), the
       line-end hyphen of the Deutsches Textarchiv's transcriptions, never a hyphen of the word itself.
       The text beside a joining break loses the white space on that side, and the text before it its
       line-end hyphen: ¬ always, and - or ‐ (U+2010) before a break with @break="no", as the TEI
       Stylesheets and the DTA's viewer read them ("Men¬<lb/>ſchen" and "Verbin-<lb break="no"/>dungen"
       read "Menſchen", "Verbindungen"). A - or ‐ before a break without @break="no" is ambiguous (a
       hyphenated compound, "Baden-<lb/>Württemberg", or a dash): it stays, and the break is a space,
       until the project says the word goes on (@break="no"). -->
  <xsl:function name="tk:break-joins" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="$break/@break = 'no' or matches(string($break/preceding-sibling::node()[1][self::text()]), '¬\s*$')"/>
  </xsl:function>

  <xsl:function name="tk:trim-at-breaks" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="after" select="$text/following-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)]"/>
    <xsl:variable name="joins-before" select="exists($text/preceding-sibling::node()[1][self::lb or self::pb or self::cb][tk:break-joins(.)])"/>
    <xsl:variable name="t" select="if (empty($after)) then string($text)
                                   else replace(replace($text, '\s+$', ''), if ($after/@break = 'no') then '[¬‐\-]$' else '¬$', '')"/>
    <xsl:sequence select="if ($joins-before) then replace($t, '^\s+', '') else $t"/>
  </xsl:function>

  <!-- What both editions say of a manuscript (msDesc), in order: [label key, its part's name, its text]:
       where it is kept, what it holds, its origin, its physical form. -->
  <xsl:function name="tk:ms-parts" as="array(xs:string)*">
    <xsl:param name="ms" as="element()"/>
    <xsl:sequence select="['manuscript', 'identifier', tk:parts($ms/msIdentifier)]"/>
    <xsl:for-each select="($ms/msContents/summary, $ms/msContents/msItem[1]/title[1])[1]">
      <xsl:sequence select="['summary', 'summary', tk:normalize(.)]"/>
    </xsl:for-each>
    <xsl:for-each select="$ms/history/origin[normalize-space()]">
      <xsl:sequence select="['origin', 'origin', tk:parts(.)]"/>
    </xsl:for-each>
    <xsl:for-each select="$ms/physDesc[normalize-space()]">
      <xsl:sequence select="['physical', 'physical', tk:parts(.)]"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The text of an element, its element children joined by ", " (they are often written without space). -->
  <xsl:function name="tk:parts" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="if ($element/text()[normalize-space()] or empty($element/*)) then tk:normalize($element)
                          else string-join($element/*[normalize-space()] ! tk:parts(.), ', ')"/>
  </xsl:function>

</xsl:stylesheet>
