"""Configuration, resolved in one place.

Precedence, highest first: explicit arguments (the CLI flags) > environment variables
``NEWSFLOW_<FIELD>`` > a TOML config file (``newsflow.toml`` in the working directory, or the
file named by ``NEWSFLOW_CONFIG``) > the defaults below.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from newsflow.tasks.errors import ConfigError

# The installed distribution's version (pyproject.toml's), recorded with every run and article.
PIPELINE_VERSION = version("newsflow")
FILES_PER_WORKER_START = 100  # roughly the files one process annotates while another starts


# The settings an ingest's caller may give: the flow's parameters and the command's flags,
# under these names in both.
INGEST_OVERRIDES = ("db", "export_dir", "batch_size", "workers", "max_file_bytes", "max_decompressed_bytes",
                    "path_pattern", "dask_address", "staging")


@dataclass(frozen=True)
class Settings:
    db: Path = Path("data/warehouse.duckdb")
    export_dir: Path = Path("data/export")
    batch_size: int = 200            # files per annotate task: big enough to amortise task overhead
    workers: int = 0                 # worker processes for annotation; 0 means one per core
    max_file_bytes: int = 5_000_000  # larger files are quarantined, not read into memory
    # what a container (.jsonl, .jsonl.gz, .warc.gz) may expand to: a small gzip file can hold
    # gigabytes; past this, the rest of it is quarantined unread
    max_decompressed_bytes: int = 1_000_000_000
    spacy_model: str = ""            # empty: en_core_web_sm if installed, else the registry re-upload
    lock_wait_s: float = 0.0         # how long a second ingest waits for the lock before refusing
    # JSONL field names, "name=key1,key2;..." for text, html, url, title, published_at, outlet
    # (empty: the defaults in tasks/reading/inputs.py and tasks/metadata/resolve.py)
    jsonl_fields: str = ""
    # where text files' outlet and date can be read from their path, relative to the input root,
    # e.g. "{outlet}/{published:%Y-%m-%d}/*.txt" (empty: not used)
    path_pattern: str = ""
    staging: str = ""                # staging folder shared with Dask workers (empty: beside db)
    dask_address: str = ""           # a Dask scheduler ("tcp://host:8786"): batches run there
    # DuckDB's memory in the flow (load and export): past it, joins and sorts spill to disk,
    # so the flow's memory does not grow with the corpus. The writer holds no index that grows
    # with the corpus (migration 006), so a 10x BBC load fits in 256MB about as fast as in
    # 512MB (101.6 s against 99.4 s) and peaks 180 MiB lower (794 against 974 MiB)
    duckdb_memory_limit: str = "256MB"
    load_slice_articles: int = 2_000  # articles per load transaction (whole batches at least)

    @property
    def snapshot_path(self) -> Path:
        """Read-only copy of the warehouse that queries use while an ingest writes the live file."""
        return self.db.with_name(self.db.stem + ".snapshot.duckdb")

    @property
    def staging_dir(self) -> Path:
        """Where batches write Parquet parts before the load: ``staging`` when set (a folder
        every Dask worker can reach), else beside the warehouse."""
        return Path(self.staging) if self.staging else self.db.with_name(self.db.stem + ".staging")

    @property
    def lock_path(self) -> Path:
        return self.db.with_name(self.db.name + ".lock")

    def workers_for(self, n_files: int) -> int:
        """Worker processes for ``n_files``: as configured, else one per core, but never more
        than the work pays for (a worker costs seconds to start and load the model)."""
        if self.workers > 0:
            return self.workers
        return max(1, min(os.cpu_count() or 1, n_files // FILES_PER_WORKER_START))


def output_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change a run's output, resolved once by the flow and recorded in
    ``runs.settings`` (and so in the handoff's manifest)."""
    from newsflow.tasks.annotation.entities import resolve_model_name
    from newsflow.tasks.annotation.language import SEED
    from newsflow.tasks.corpus.features import CorpusSettings

    model = resolve_model_name(settings.spacy_model)
    return {
        "package_version": PIPELINE_VERSION,
        "spacy_model": model,
        "spacy_model_version": _distribution_version(model),
        "spacy_version": _distribution_version("spacy"),
        "langdetect_version": _distribution_version("langdetect"),
        "langdetect_seed": SEED,
        "max_file_bytes": settings.max_file_bytes,
        "max_decompressed_bytes": settings.max_decompressed_bytes,
        "path_pattern": settings.path_pattern,
        "jsonl_fields": settings.jsonl_fields,
        "corpus": dict(CorpusSettings().as_rows()),
    }


def _distribution_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}
# Sizes that are meaningless below one, and counts and waits that are meaningless below zero.
_AT_LEAST = {"batch_size": 1, "max_file_bytes": 1, "max_decompressed_bytes": 1, "load_slice_articles": 1, "workers": 0, "lock_wait_s": 0}


_MEMORY = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


def _coerce(name: str, value: Any) -> Any:
    kind = type(_FIELDS[name].default)
    try:
        coerced = value if isinstance(value, kind) else kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot read {value!r} as {kind.__name__}") from exc
    if name in _AT_LEAST and coerced < _AT_LEAST[name]:
        raise ConfigError(f"setting {name!r}: {value!r} is below {_AT_LEAST[name]}")
    if name == "duckdb_memory_limit" and not _MEMORY.match(coerced):
        raise ConfigError(f"duckdb_memory_limit {coerced!r}: expected a size such as 512MB or 2GB")
    return coerced


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Resolve settings from overrides (None values ignored), environment, config file, defaults."""
    environ = os.environ if environ is None else environ
    path = config_file or Path(environ.get("NEWSFLOW_CONFIG", "newsflow.toml"))
    values: dict[str, Any] = {}
    if path.is_file():
        with path.open("rb") as fh:
            values.update(tomllib.load(fh).get("newsflow", {}))
    for name in _FIELDS:
        env_value = environ.get(f"NEWSFLOW_{name.upper()}")
        if env_value is not None:
            values[name] = env_value
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
