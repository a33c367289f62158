"""``sorani corpus build INPUT... -o OUT``."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    corpus = subparsers.add_parser("corpus", help="build a clean, deduplicated corpus (needs sorani[corpus])")
    verbs = corpus.add_subparsers(dest="verb", metavar="VERB", required=True)
    p = verbs.add_parser("build", help="raw documents in, accepted/ rejected/ stats.json report.html out")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files or folders (.txt .jsonl .csv .parquet, also .gz/.zst); none: the bundled demo")
    p.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    p.add_argument("--config", metavar="FILE", help="TOML or YAML configuration (see docs/corpus.md)")
    p.add_argument("--lines", action="store_true", help="text files hold one document per line")
    p.add_argument("--text-field", metavar="NAME", help="JSONL/CSV/Parquet field with the text (default text)")
    p.add_argument("--id-field", metavar="NAME", help="field with the document id (default id)")
    p.add_argument("--format", choices=("parquet", "jsonl"), help="output format (default parquet)")
    p.add_argument("--keep-raw", action="store_true", help="keep the original text next to the normalized one")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler (default: a LocalCluster)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes")
    p.add_argument("--resume", action="store_true", help="continue a killed run, skipping finished shards")
    p.add_argument("--overwrite", action="store_true",
                   help="replace the output of an earlier build (a folder holding other files is refused)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        from ..corpus import build, load_config
    except ImportError as exc:  # pragma: no cover - the extra is missing
        from ..errors import ConfigError

        raise ConfigError(f'the corpus pipeline needs its extra: pip install "sorani[corpus]" ({exc.name})') from None
    from ..errors import ConfigError

    if args.jobs < 1:
        raise ConfigError("-j/--jobs must be at least 1")
    config = load_config(args.config)
    if args.lines:
        config.input.lines = True
    if args.text_field is not None:  # an empty name is refused by the config's checks, not passed over
        config.input.text_field = args.text_field
    if args.id_field is not None:
        config.input.id_field = args.id_field
    if args.format:
        config.output.format = args.format
    if args.keep_raw:
        config.output.keep_raw = True
    result = build(args.inputs, args.out, config=config, engine=args.engine, jobs=args.jobs,
                   scheduler=args.scheduler, resume=args.resume, overwrite=args.overwrite,
                   progress=sys.stderr.isatty())
    docs = result["documents"]
    reasons = ", ".join(f"{k} {v}" for k, v in result["rejected_by_reason"].items()) or "none"
    print(f"{docs['input']} documents: {docs['accepted']} accepted, {docs['rejected']} rejected ({reasons}); "
          f"{result['mb_per_second']:.2f} MB/s")
    for stage, note in result["stages_skipped"].items():
        print(f"note: {stage} {note}")
    print(f"wrote {args.out}/accepted, {args.out}/rejected, {args.out}/stats.json, {args.out}/report.html")
    return 0
