"""The date register's page data from the site's store (render.sitedata): the timeline
(registers/dates.html) and each year's pages (registers/dates/<year>.html, <year>/n.html),
as XML text for xslt/site/corpus.xsl.

A year lists month by month its articles (by their date), then its dated mentions, each
month's articles by date, then title (teikit.collation), then stem; a page holds a window of
that list, so that no page's data grows with the corpus.
"""

from __future__ import annotations

from .pagedata import attrs as _attrs, pages as _pages

# A date's month in SQL, as the date register groups it: its two digits after the year, or '' (none).
_MONTH = ("(CASE WHEN substr({0}, 6, 2) != '' AND NOT substr({0}, 6, 2) GLOB '*[^0-9]*' "
          "THEN substr({0}, 6, 2) ELSE '' END)")


class DateRegister:
    """The date register's queries of a SiteData (its `db`, `lang()` and `_rows`, a page of a list)."""

    def years(self) -> list[str]:
        rows = self.db.execute(
            """SELECT substr(date, 1, 4) FROM articles WHERE date GLOB '[0-9][0-9][0-9][0-9]*'
               UNION SELECT substr(whenv, 1, 4) FROM dates ORDER BY 1""")
        return [y for (y,) in rows]

    def _month_counts(self, year: str | None = None) -> dict[tuple[str, str], list[int]]:
        """(year, month) -> [articles, dated mentions], for every year or one; month '' for none."""
        counts: dict[tuple[str, str], list[int]] = {}
        where, args = ("", ()) if year is None else (" AND substr(date, 1, 4) = ?", (year,))
        for y, m, n in self.db.execute(
                f"""SELECT substr(date, 1, 4), {_MONTH.format('date')}, count(*) FROM articles
                    WHERE date GLOB '[0-9][0-9][0-9][0-9]*'{where} GROUP BY 1, 2""", args):
            counts.setdefault((y, m), [0, 0])[0] += n
        where = "" if year is None else " WHERE substr(whenv, 1, 4) = ?"
        for y, m, n in self.db.execute(
                f"SELECT substr(whenv, 1, 4), {_MONTH.format('whenv')}, count(*) FROM dates{where} GROUP BY 1, 2", args):
            counts.setdefault((y, m), [0, 0])[1] += n
        return counts

    def timeline_xml(self, page_size: int | None = None) -> str:
        """The date register's overview: per year and month, how many articles and dated mentions,
        and the page of the year (`page_size` items each) on which the month begins."""
        counts = self._month_counts()
        undated = self.db.execute("SELECT count(*) FROM articles WHERE NOT (date GLOB '[0-9][0-9][0-9][0-9]*')").fetchone()[0]
        parts = [f"<timeline{_attrs(lang=self.lang(), undated=undated)}>"]
        for year in sorted({y for y, _ in counts}):
            months = sorted(m for y, m in counts if y == year)
            total = [sum(counts[(year, m)][i] for m in months) for i in (0, 1)]
            parts.append(f"<year{_attrs(y=year, articles=total[0], mentions=total[1])}>")
            before = 0  # the year's items before the month (its articles and dated mentions, in page order)
            for m in months:
                page = before // page_size + 1 if page_size else 1
                parts.append(f"<month{_attrs(m=m, articles=counts[(year, m)][0], mentions=counts[(year, m)][1], page=page)}/>")
                before += sum(counts[(year, m)])
            parts.append("</year>")
        parts.append("</timeline>")
        return "".join(parts)

    def year_count(self, year: str) -> int:
        """How many items a year of the date register lists: its articles and its dated mentions."""
        return sum(sum(n) for n in self._month_counts(year).values())

    def year_xml(self, year: str, page: int = 1, page_size: int | None = None) -> str:
        """One year of the date register, page `page` (from 1) of `page_size` items each (all of
        them, without a page size): month by month, its articles, then its dated mentions (a
        month may go on over two pages; each <month> gives the whole month's counts)."""
        counts = self._month_counts(year)
        total = sum(sum(n) for n in counts.values())
        pages = _pages(total, page_size)
        parts = [f"<year{_attrs(y=year, lang=self.lang(), page=page, pages=pages)}>"]
        rows = self._rows(
            f"""SELECT {_MONTH.format('date')} AS mo, 'a' AS kind, stem, title, title_key, date AS whenv, label, '' AS spec,
                       '' AS mid, '' AS text, '' AS before, '' AS after FROM articles
                WHERE substr(date, 1, 4) = ? AND date GLOB '[0-9][0-9][0-9][0-9]*'
                UNION ALL
                SELECT {_MONTH.format('d.whenv')}, 'd', d.stem, a.title, a.title_key, d.whenv, d.label, d.spec, d.mid, d.text,
                       d.before, d.after
                FROM dates d JOIN articles a ON a.stem = d.stem WHERE substr(d.whenv, 1, 4) = ?""",
            (year, year), "mo, kind, whenv, title_key, stem, mid", ("year", year), total, page, page_size)
        current = None
        for m, kind, stem, title, _key, when, label, spec, mid, text, before, after in rows:
            if m != current:
                if current is not None:
                    parts.append("</month>")
                articles, mentions = counts.get((year, m), (0, 0))
                parts.append(f"<month{_attrs(m=m, articles=articles, mentions=mentions)}>")
                current = m
            if kind == "a":
                parts.append(f"<a{_attrs(stem=stem, title=title, when=when, label=label)}/>")
            else:
                parts.append(f"<d{_attrs(stem=stem, title=title, when=when, label=label, spec=spec, mid=mid, text=text, before=before, after=after)}/>")
        if current is not None:
            parts.append("</month>")
        parts.append("</year>")
        return "".join(parts)
