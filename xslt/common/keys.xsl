<?xml version="1.0" encoding="UTF-8"?>
<!--
  Keyed look-ups, so that counting and listing mentions stays linear in the
  size of a document (and of a corpus, when many documents share one tree).
  Every key value starts with generate-id() of the enclosing TEI element: the
  same keys then work for one document and for a corpus wrapper holding many.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Name mentions in the text, by document and the register id they point to. -->
  <xsl:key name="tk:mentions"
           match="persName[@ref][tk:in-text(.)] | orgName[@ref][tk:in-text(.)] | placeName[@ref][tk:in-text(.)]"
           use="generate-id(ancestor::TEI[1]) || ' ' || tk:ref-id(.)"/>

  <!-- Register entries by document and xml:id. -->
  <xsl:key name="tk:entry"
           match="standOff//person[@xml:id] | standOff//org[@xml:id] | standOff//place[@xml:id]"
           use="generate-id(ancestor::TEI[1]) || ' ' || @xml:id"/>

  <!-- Entries of any list by document and xml:id, wherever the list stands (anyone's TEI lists its
       persons in the header, standOff or back matter: tk:register-entry, common/functions.xsl). -->
  <xsl:key name="tk:listed" match="listPerson//person[@xml:id] | listOrg//org[@xml:id] | listPlace//place[@xml:id]"
           use="generate-id(ancestor::TEI[1]) || ' ' || @xml:id"/>

</xsl:stylesheet>
