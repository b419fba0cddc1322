"""Every reason code the pipeline writes, one closed enumeration per kind, documented here once.

- ``Quarantine``: ``documents.error``, why a file did not become (only) articles;
- ``RecordError``: ``records.error``, why one record of a file was quarantined;
- ``RemovedLine``: ``removed_lines.reason``, why the cleaner removed a line;
- ``ArticleFlag``: ``articles.flags``, what is worth knowing about a stored article.

Members are strings (``StrEnum``): they are written to the warehouse as their values. The
handoff's data dictionary lists them with these descriptions (``describe``).
"""

from __future__ import annotations

from enum import StrEnum


class Quarantine(StrEnum):
    UNREADABLE = "unreadable"                    # the file could not be opened or read (permissions, a broken link or loop)
    VANISHED = "vanished"                        # the file was gone when its turn came to be read
    CHANGED_DURING_READ = "changed_during_read"  # the file changed while it was read (being written): the next run reads it
    NOT_REGULAR_FILE = "not_regular_file"        # a FIFO, socket or device: never opened for reading
    UNLISTABLE_DIR = "unlistable_dir"            # a folder that could not be listed (permissions): its files are not seen
    TOO_LARGE = "too_large"                      # above the configured size limit: never read into memory
    EMPTY = "empty"                              # zero bytes, or nothing but whitespace once decoded
    BINARY = "binary"                            # an image, archive, PDF, or bytes that are mostly not text
    UNDECODABLE = "undecodable"                  # no text encoding fits the bytes
    OUTSIDE_ROOT = "outside_root"                # a symlink to a file outside the input folder: never read
    NO_BODY = "no_body"                          # decoded, but cleaning left no article text
    INTERNAL_ERROR = "internal_error"            # a step failed on this input for a reason nobody foresaw (detail in records)
    NO_GOOD_RECORDS = "no_good_records"          # a container none of whose records became an article


class RecordError(StrEnum):
    INVALID_JSON = "invalid_json"        # a JSONL line that does not parse, or is not a JSON object
    NO_TEXT = "no_text"                  # a record without a text or html field
    TOO_LARGE = "too_large"              # a record above the size limit
    TRUNCATED = "truncated"              # the container ends mid-record (a half-written or corrupt file)
    INTERNAL_ERROR = "internal_error"    # a step raised on this record: the exception is the record's detail
    # a record's text that cannot be an article is quarantined with the file reason it would get alone
    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_BODY = "no_body"


class RemovedLine(StrEnum):
    MACHINE_REWRITE = "machine_rewrite"      # an assistant's reply pasted in by a content-rewriting tool
    NON_TEXT = "non_text"                    # a line without letters (separators, arrows, counters)
    CAPTION = "caption"                      # a photo caption or picture credit, also a caption given twice
    COOKIE_NOTICE = "cookie_notice"          # a cookie or consent banner
    COMMENT_FORM = "comment_form"            # comment form labels and notices, comment headings
    SUBSCRIPTION = "subscription"            # a newsletter, subscription or sign-up prompt
    SHARE_WIDGET = "share_widget"            # share and social-media buttons
    NAVIGATION = "navigation"                # menu entries, breadcrumbs, pagination, category and tag lists
    LEGAL = "legal"                          # copyright notices, imprint, privacy and terms links
    PROMO = "promo"                          # promotion and ad labels ("Tap here", "Anzeige", "Read more")
    AUTHOR_BOX = "author_box"                # the author box around the byline ("Avatar photo", "Articles: 7166")
    METADATA = "metadata"                    # a date or reading-time line, or a byline other than the one kept
    RELATED_LINK = "related_link"            # a line pointing to another article ("Lesen Sie auch: ...")
    REPEATED_TITLE = "repeated_title"        # a copy of the headline, or the page title the headline came from
    TEASER_DUPLICATE = "teaser_duplicate"    # a bullet teaser repeating the opening of a later paragraph
    DUPLICATE = "duplicate"                  # a paragraph already kept earlier in the body
    COMMON_LINE = "common_line"              # a line found in many files of the corpus
    TAIL_SECTION = "tail_section"            # the heading of a tail section (comments, related posts) and all after
    HEAD = "head"                            # a line before the article core (menus, site header)
    TAIL = "tail"                            # a line after the article core when boilerplate follows it
    AGENCY_SIGNOFF = "agency_signoff"        # a wire story's last line naming its agency alone ("Reuter", "(AP)")


class ArticleFlag(StrEnum):
    # cleaning
    MACHINE_REWRITE_ARTIFACT = "machine_rewrite_artifact"  # a machine_rewrite line was removed
    NO_BODY = "no_body"                        # nothing is left of the body
    VERY_SHORT = "very_short"                  # the body has fewer than 300 characters
    MOSTLY_NON_LETTERS = "mostly_non_letters"  # under half of the body's characters are letters
    POSSIBLY_TRUNCATED = "possibly_truncated"  # a paragraph of prose stops without closing punctuation
    # metadata
    INVALID_URL = "invalid_url"                # a URL was given but is not an http(s) URL
    UNPARSEABLE_DATE = "unparseable_date"      # a publication date was given but could not be read
    FUTURE_DATE_REJECTED = "future_date_rejected"  # a publication date later than the run: not kept
    RECORD_ERROR = "record_error"              # the record's own metadata fields could not be read
    SIDECAR_ERROR = "sidecar_error"            # the sidecar file could not be read
    MANIFEST_ERROR = "manifest_error"          # the manifest entry could not be read
    PATH_ERROR = "path_error"                  # the path pattern matched but its fields could not be read
    TEXT_ERROR = "text_error"                  # the text's credits and dates could not be read
    # annotation
    LANG_UNDETERMINED = "lang_undetermined"    # too little text to tell the language (lang 'und')
    MIXED_LANGUAGE = "mixed_language"          # paragraphs in more than one language
    ENTITIES_TRUNCATED = "entities_truncated"  # the text was longer than the entity model reads
    NOT_ENTITY_ANNOTATED = "not_entity_annotated"  # no entity model for the language: no entities


KINDS = {"documents.error": Quarantine, "records.error": RecordError,
         "removed_lines.reason": RemovedLine, "articles.flags": ArticleFlag}


def describe() -> dict[str, list[tuple[str, str]]]:
    """(code, description) of every member, by the column that holds it: the descriptions
    are the comments beside the members above."""
    import inspect
    import re

    source = inspect.getsource(inspect.getmodule(describe))
    comment = dict(re.findall(r'^\s+[A-Z_]+ = "(\w+)"\s+# (.+)$', source, re.MULTILINE))
    return {column: [(m.value, comment.get(m.value, "")) for m in kind] for column, kind in KINDS.items()}
