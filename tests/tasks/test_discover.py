import os

import pytest

from newsflow.tasks.errors import InputError
from newsflow.tasks.reading.discover import Known, discover, iter_files, sha256_file


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_walk_is_sorted_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a.txt", ".hidden.txt", "sub/c.txt", ".git/x.txt"]:
        write(tmp_path / name, name)
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == \
        ["a.txt", "b.txt", "sub/c.txt"]


def test_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        list(iter_files([tmp_path / "nope"]))


def test_new_unchanged_and_known_content(tmp_path):
    a = write(tmp_path / "a.txt", "alpha")
    b = write(tmp_path / "b.txt", "beta")
    copy = write(tmp_path / "copy-of-a.txt", "alpha")
    st = a.stat()
    known = {str(a): Known(sha256_file(a), st.st_size, st.st_mtime_ns)}
    result = discover([tmp_path], known, {sha256_file(a)})
    assert result.to_process == [str(b)]
    assert sorted(f.path for f in result.unchanged) == sorted([str(a), str(copy)])
    assert result.n_seen == 3


def test_same_new_content_twice_in_one_run_is_processed_once(tmp_path):
    write(tmp_path / "1.txt", "same")
    write(tmp_path / "2.txt", "same")
    result = discover([tmp_path], {}, set())
    assert result.to_process == [str(tmp_path / "1.txt")]
    assert [f.path for f in result.unchanged] == [str(tmp_path / "2.txt")]


def test_touched_file_with_same_content_is_unchanged(tmp_path):
    a = write(tmp_path / "a.txt", "alpha")
    known = {str(a): Known(sha256_file(a), a.stat().st_size, 1)}  # stale mtime
    result = discover([tmp_path], known, {sha256_file(a)})
    assert result.to_process == [] and result.unchanged[0].doc_id == sha256_file(a)


def test_links(tmp_path):
    root = tmp_path / "in"
    outside = write(tmp_path / "secret.txt", "do not read")
    write(root / "real.txt", "inside")
    os.symlink(outside, root / "escape.txt")
    os.symlink(root / "real.txt", root / "alias.txt")
    os.symlink(root, root / "loop")  # a directory link back to the root: not followed
    result = discover([root], {}, set())
    assert [(f.path, reason) for f, reason in result.rejected] == [(str(root / "escape.txt"), "outside_root")]
    assert result.to_process == [str(root / "alias.txt")]      # same content as real.txt...
    assert [f.path for f in result.unchanged] == [str(root / "real.txt")]  # ...seen once


def test_sidecars_and_manifests_are_not_inputs(tmp_path):
    for name in ["a.txt", "a.json", "b.txt", "b.meta.json", "manifest.csv", "c.json", "feed.jsonl"]:
        write(tmp_path / name, "{}")
    assert [p.name for p in iter_files([tmp_path])] == ["a.txt", "b.txt", "c.json", "feed.jsonl"]
