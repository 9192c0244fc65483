"""Slow files made in worker processes and kept in a cache (selamat.background): link preview images and
QR codes. What a build relies on: the file lands where asked, a cached one is never made again, and a
worker's error stops the build instead of leaving a file out."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from selamat.background import Files, key
from selamat.partner_links import QR_STYLE, qr_code
from selamat.previews import SIZE, STYLE, draw


def _never(*args: object) -> bytes:
    raise AssertionError("made again although cached")


def _broken(*args: object) -> bytes:
    raise ValueError("cannot draw this")


@pytest.mark.parametrize("title", ["Keeping evidence safely", "Menyimpan bukti dengan selamat"])
def test_a_missing_preview_is_drawn_in_a_worker_kept_in_the_cache_and_written(tmp_path, title):
    cached = tmp_path / "cache" / f"{key(STYLE, 'Selamat', title)}.png"
    targets = [tmp_path / "site" / "assets" / "previews" / name for name in ("a.png", "ms_a.png")]
    files = Files()
    for target in targets:  # the same title twice (a page and its untranslated copy): drawn once
        files.add(target, cached, draw, title, "Selamat")
    files.finish()
    assert cached.exists()
    for target in targets:
        assert target.read_bytes() == cached.read_bytes()
        with Image.open(target) as image:
            assert image.size == SIZE and image.format == "PNG"
    assert not list(cached.parent.glob("*.tmp"))


def test_previews_of_different_titles_differ_and_are_small():
    english, malay = draw("Reporting to the police", "Selamat"), draw("Membuat laporan polis", "Selamat")
    assert english != malay
    assert len(english) < 30_000 and len(malay) < 30_000


@pytest.mark.parametrize("title", ["Reporting to the police", "Membuat laporan polis: apa yang perlu dibawa"])
def test_a_preview_is_a_whole_4_bit_palette_png_of_the_name_and_title(title):
    png = draw(title, "Selamat")
    assert png[24] == 4 and png[25] == 3  # IHDR: 4 bits a pixel, palette
    with Image.open(io.BytesIO(png)) as image:
        image.load()  # every chunk's checksum and the whole compressed stream are read
        assert image.mode == "P" and image.size == SIZE
        background = image.getpixel((0, 0))
        assert image.getpalette()[background * 3:background * 3 + 3] == [0x33, 0x1A, 0x52]
        left_edge = image.crop((0, 0, 80, SIZE[1]))  # nothing of the rows' layout shows at the edge
        assert left_edge.getcolors() == [(80 * SIZE[1], background)]
        for top, bottom in ((0, 190), (190, SIZE[1])):  # the site name, then the title
            assert len(image.crop((0, top, SIZE[0], bottom)).getcolors()) > 4


def test_a_cached_file_is_written_at_once_and_not_made_again(tmp_path):
    cached = tmp_path / "cache" / "x.svg"
    cached.parent.mkdir()
    cached.write_bytes(b"<svg>kept</svg>")
    target = tmp_path / "site" / "go" / "x" / "qr.svg"
    files = Files()
    files.add(target, cached, _never, "https://selamat.example.org/go/x/")
    assert target.read_bytes() == b"<svg>kept</svg>"
    files.finish()
    assert target.read_bytes() == b"<svg>kept</svg>"


def test_a_rebuild_over_an_old_file_replaces_it(tmp_path):
    cached = tmp_path / "cache" / "x.svg"
    cached.parent.mkdir()
    cached.write_bytes(b"new")
    target = tmp_path / "site" / "qr.svg"
    target.parent.mkdir()
    target.write_bytes(b"old")
    files = Files()
    files.add(target, cached, _never)
    files.finish()
    assert target.read_bytes() == b"new"


def test_a_workers_error_stops_the_build(tmp_path):
    files = Files()
    files.add(tmp_path / "site" / "x.png", tmp_path / "cache" / "x.png", _broken, "title")
    with pytest.raises(ValueError, match="cannot draw this"):
        files.finish()
    assert not (tmp_path / "cache" / "x.png").exists() and not (tmp_path / "site" / "x.png").exists()


def test_a_qr_code_made_in_a_worker_is_the_one_drawn_in_the_build(tmp_path):
    address = "https://selamat.example.org/go/reporting/"
    cached = tmp_path / "cache" / f"{key(QR_STYLE, address, 'go/reporting/')}.svg"
    target = tmp_path / "site" / "go" / "reporting" / "qr.svg"
    files = Files()
    files.add(target, cached, qr_code, address, "go/reporting/")
    files.finish()
    assert target.read_bytes() == qr_code(address, "go/reporting/")
    assert "<svg" in target.read_text(encoding="utf-8")


def test_cache_names_change_with_what_the_file_depends_on():
    assert key(STYLE, "Selamat", "A") != key(STYLE, "Selamat", "B")
    assert key(STYLE, "Selamat", "A") != key(STYLE, "Other site", "A")
    assert key(QR_STYLE, "https://a.example/go/x/", "go/x/") != key(QR_STYLE, "https://b.example/go/x/", "go/x/")
