"""teikit: news articles to archival TEI P5 editions, offline and reproducibly."""

__version__ = "0.1.0"
