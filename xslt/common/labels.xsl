<?xml version="1.0" encoding="UTF-8"?>
<!--
  The words the editions print around the text, per language. Vietnamese for
  documents in 'vi', English for every other language. Override $tk:labels in
  an importing stylesheet to add a language.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'vi': map{
      'person': 'Nhân vật', 'org': 'Tổ chức', 'place': 'Địa danh', 'date': 'Thời gian', 'role': 'Chức danh',
      'date-line': 'Ngày', 'author': 'Tác giả', 'source': 'Nguồn', 'publisher': 'Đơn vị xuất bản', 'licence': 'Giấy phép',
      'licence-text': 'Văn bản', 'licence-markup': 'Mã TEI',
      'checksum': 'SHA-256 của bản gốc', 'tei': 'Tệp TEI', 'photo': 'Ảnh',
      'highlight': 'Tô sáng', 'entities': 'Chỉ mục trong bài',
      'mentions': 'lần nhắc', 'corpus': 'Kho bài viết', 'title': 'Tiêu đề',
      'index-pages': 'Các trang của mục lục', 'list-pages': 'Các trang', 'sort-newest': 'Mới nhất trước', 'sort-oldest': 'Cũ nhất trước',
      'from': 'từ', 'to': 'đến', 'not-before': 'không trước', 'not-after': 'không sau',
      'no-date': 'không rõ ngày', 'wikidata': 'Wikidata',
      'register-intro': 'Mỗi mục liệt kê các bài viết và từng lần nhắc đến trong bài.',
      'notes': 'Chú thích', 'apparatus': 'Dị bản', 'editor': 'Biên tập', 'corresp-sent': 'Người gửi', 'corresp-received': 'Người nhận',
      'corresp-forwarded': 'Chuyển tiếp', 'corresp-redirected': 'Chuyển hướng', 'corresp-transmitted': 'Chuyển giao',
      'manuscript': 'Bản thảo', 'summary': 'Nội dung', 'origin': 'Xuất xứ', 'physical': 'Mô tả vật lý',
      'mentions-1': 'lần nhắc', 'entries': 'mục', 'entries-1': 'mục', 'articles': 'bài viết', 'articles-1': 'bài viết',
      'jump-bar': 'Theo chữ cái', 'variants': 'Tên gọi khác', 'over-time': 'Bài viết theo năm',
      'mentions-heading': 'Các lần nhắc trong bài', 'years': 'Theo năm', 'period': 'Thời gian',
      'timeline-intro': 'Bài viết và các mốc thời gian được nhắc đến, theo năm và tháng.',
      'dated-mentions': 'Mốc thời gian được nhắc', 'dated-mentions-n': 'mốc thời gian được nhắc',
      'dated-mentions-n-1': 'mốc thời gian được nhắc', 'no-month': 'không rõ tháng', 'articles-col': 'Bài viết',
      'search': 'Tìm kiếm', 'search-go': 'Tìm', 'search-title': 'Tìm trong kho bài viết', 'skip-to-content': 'Chuyển đến nội dung chính',
      'search-filters': 'Lọc kết quả', 'year': 'Năm', 'site': 'Trang nguồn',
      'search-file': 'Tìm kiếm cần một máy chủ web: trang đang được mở từ tệp (file://). Hãy phục vụ thư mục này qua HTTP, ví dụ: python3 -m http.server, rồi mở http://localhost:8000/search.html.',
      'search-noscript': 'Tìm kiếm cần JavaScript.', 'search-results': 'Kết quả',
      'search-none': 'Không tìm thấy bài viết nào.', 'search-count': 'bài viết', 'search-count-1': 'bài viết',
      'search-more': 'Xem thêm kết quả', 'search-loading': 'Đang tìm…', 'search-top': 'các giá trị thường gặp nhất'},
    'en': map{
      'person': 'Persons', 'org': 'Organisations', 'place': 'Places', 'date': 'Dates', 'role': 'Roles',
      'date-line': 'Date', 'author': 'Author', 'source': 'Source', 'publisher': 'Publisher', 'licence': 'Licence',
      'licence-text': 'Text', 'licence-markup': 'Markup',
      'checksum': 'SHA-256 of the source', 'tei': 'TEI file', 'photo': 'Photo',
      'highlight': 'Highlight', 'entities': 'Index of this article',
      'mentions': 'mentions', 'corpus': 'Articles', 'title': 'Title',
      'index-pages': 'Pages of the index', 'list-pages': 'Pages', 'sort-newest': 'Newest first', 'sort-oldest': 'Oldest first',
      'from': 'from', 'to': 'to', 'not-before': 'not before', 'not-after': 'not after',
      'no-date': 'undated', 'wikidata': 'Wikidata',
      'register-intro': 'Each entry lists the articles and every mention in them.',
      'notes': 'Notes', 'apparatus': 'Apparatus', 'editor': 'Editor', 'corresp-sent': 'Sent by', 'corresp-received': 'Sent to',
      'corresp-forwarded': 'Forwarded', 'corresp-redirected': 'Redirected', 'corresp-transmitted': 'Transmitted',
      'manuscript': 'Manuscript', 'summary': 'Contents', 'origin': 'Origin', 'physical': 'Physical description',
      'mentions-1': 'mention', 'entries': 'entries', 'entries-1': 'entry', 'articles': 'articles', 'articles-1': 'article',
      'jump-bar': 'By letter', 'variants': 'Other names', 'over-time': 'Articles by year',
      'mentions-heading': 'Mentions in context', 'years': 'By year', 'period': 'Period',
      'timeline-intro': 'Articles and the dates they mention, by year and month.',
      'dated-mentions': 'Dated mentions', 'dated-mentions-n': 'dated mentions',
      'dated-mentions-n-1': 'dated mention', 'no-month': 'month unknown', 'articles-col': 'Articles',
      'search': 'Search', 'search-go': 'Search', 'search-title': 'Search the articles', 'skip-to-content': 'Skip to the content',
      'search-filters': 'Filter the results', 'year': 'Year', 'site': 'Source site',
      'search-file': 'Search needs a web server: this page was opened from a file (file://). Serve this folder over HTTP, for example with python3 -m http.server, and open http://localhost:8000/search.html.',
      'search-noscript': 'Search needs JavaScript.', 'search-results': 'Results',
      'search-none': 'No article found.', 'search-count': 'articles', 'search-count-1': 'article',
      'search-more': 'More results', 'search-loading': 'Searching…', 'search-top': 'the most frequent values'}
  }"/>

  <xsl:function name="tk:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="($tk:labels(tk:label-lang($lang))($key), $tk:labels('en')($key), $key)[1]"/>
  </xsl:function>

  <!-- The language tk:label's words for a text in $lang are in ('vi' or 'en'): what a page marks with
       lang (and dir) where it is not the page's own (an Arabic page's English labels and dates). -->
  <xsl:function name="tk:label-lang" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="if (starts-with($lang, 'vi')) then 'vi' else 'en'"/>
  </xsl:function>

  <!-- The label an edition sets before a photo's caption ("Photo", "Ảnh"), or none when the caption
       opens with it itself ("Ảnh: Hoa dã quỳ …" would read "Ảnh: Ảnh: …"; "Photo : AFP", "(Ảnh: TTXVN)"). -->
  <xsl:function name="tk:photo-label" as="xs:string?">
    <xsl:param name="caption" as="element()"/>
    <xsl:variable name="label" as="xs:string" select="tk:label('photo', tk:lang($caption))"/>
    <xsl:variable name="opening" as="xs:string" select="lower-case(replace(normalize-space($caption), '^\(\s*|\s+(:)', '$1'))"/>
    <xsl:sequence select="$label[not(starts-with($opening, lower-case($label) || ':'))]"/>
  </xsl:function>

</xsl:stylesheet>
