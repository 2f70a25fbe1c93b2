#!/usr/bin/env python3
"""Writes the bad-input corpus in tests/data/bad-input/ (see its README.md for what each file tests).

The text files are written here; shapefiles are made from GeoJSON with ogr2ogr (GDAL's Python bindings are
not needed) and then damaged where that is the point. The outputs are committed, so tests do not need this
script; rerun it only to change the corpus:  python3 scripts/make_bad_input_corpus.py
"""
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "bad-input")

# Central Helsinki in ETRS-TM35FIN (EPSG:3067), metres.
X0, Y0 = 385600.0, 6672000.0
CRS_3067 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}}


def box(i, w=20.0, h=15.0):
    x, y = X0 + 40.0 * i, Y0
    return [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]


def feature(fid, props, geometry):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry}


def polygon(ring):
    return {"type": "Polygon", "coordinates": [ring]}


def collection(features, crs=CRS_3067):
    fc = {"type": "FeatureCollection"}
    if crs:
        fc["crs"] = crs
    fc["features"] = features
    return fc


def write(name, data):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)
    return path


def write_json(name, obj):
    return write(name, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def ogr2ogr(dst, src, *options):
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", *options, dst, src], check=True)


def tiny_png():
    """A valid 2x2 RGB PNG (the bytes of an image, to be named .geojson)."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    if shutil.which("ogr2ogr") is None:
        sys.exit("ogr2ogr (gdal-bin) is needed to write the shapefiles")
    for entry in os.listdir(OUT) if os.path.isdir(OUT) else []:
        path = os.path.join(OUT, entry)
        if entry != "README.md":
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20240603)

    # Unreadable: random bytes behind the extensions of real formats; an empty file.
    for ext in ("gpkg", "shp", "geojson"):
        write("random." + ext, bytes(rng.randrange(256) for _ in range(1024)))
    write("zero_bytes.geojson", b"")

    # Truncated: a GeoJSON cut mid-way; a shapefile whose .shp lost its second half (the .shx still points
    # there); a CityJSON cut mid-way.
    ten = collection([feature(i + 1, {"height": 10 + i}, polygon(box(i))) for i in range(10)])
    text = json.dumps(ten, indent=1)
    write("truncated.geojson", text[: len(text) * 6 // 10])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "ten.geojson")
        with open(src, "w") as f:
            json.dump(ten, f)
        os.makedirs(os.path.join(OUT, "truncated_shp"))
        ogr2ogr(os.path.join(OUT, "truncated_shp", "truncated.shp"), src)
    shp = os.path.join(OUT, "truncated_shp", "truncated.shp")
    with open(shp, "rb") as f:
        data = f.read()
    with open(shp, "wb") as f:  # header + 4 whole records (136 bytes each) + part of the 5th
        f.write(data[: 100 + 4 * 136 + 40])

    # Wrongly typed: a PNG named .geojson; a height field holding text.
    write("png_named.geojson", tiny_png())
    write_json("text_height.geojson", collection([
        feature(1, {"height": "12.5"}, polygon(box(0))),
        feature(2, {"height": "7 m"}, polygon(box(1))),
        feature(3, {"height": "tall"}, polygon(box(2))),
        feature(4, {"height": ""}, polygon(box(3))),
        feature(5, {"height": "40'"}, polygon(box(4))),
    ]))

    # Invalid geometries: repaired (bow-tie, unclosed ring), unrepairable (zero area, two points), and no
    # polygon at all (null geometry, a point).
    x, y = X0, Y0 + 100
    write_json("invalid_geometries.geojson", collection([
        feature(1, {"height": 12}, polygon(box(0))),
        feature(2, {"height": 12}, polygon([[x, y], [x + 20, y + 20], [x + 20, y], [x, y + 20], [x, y]])),
        feature(3, {"height": 12}, polygon(box(2)[:-1])),
        feature(4, {"height": 12}, polygon([[x + 100, y], [x + 110, y], [x + 120, y], [x + 100, y]])),
        feature(5, {"height": 12}, polygon([[x + 200, y], [x + 210, y]])),
        feature(6, {"height": 12}, None),
        feature(7, {"height": 12}, {"type": "Point", "coordinates": [x, y]}),
    ]))

    # Empty layers; a file with points only.
    write_json("empty.geojson", collection([]))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "one.geojson")
        with open(src, "w") as f:
            json.dump(collection([feature(1, {"height": 5}, polygon(box(0)))]), f)
        os.makedirs(os.path.join(OUT, "empty_shp"))
        ogr2ogr(os.path.join(OUT, "empty_shp", "empty.shp"), src, "-where", "height > 100",
                "-nlt", "POLYGON")
    write_json("points_only.geojson", collection([
        feature(1, {"name": "a"}, {"type": "Point", "coordinates": [X0, Y0]}),
        feature(2, {"name": "b"}, {"type": "Point", "coordinates": [X0 + 10, Y0]})]))

    # Missing CRS: a shapefile without its .prj.
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "b.geojson")
        with open(src, "w") as f:
            json.dump(collection([feature(i + 1, {"levels": 2 + i}, polygon(box(i))) for i in range(3)]), f)
        os.makedirs(os.path.join(OUT, "no_prj"))
        ogr2ogr(os.path.join(OUT, "no_prj", "no_prj_buildings.shp"), src)
    os.remove(os.path.join(OUT, "no_prj", "no_prj_buildings.prj"))

    # Encodings: GBK (CP936) attributes with a .cpg saying CP936 (must read correctly), and the same bytes with
    # a .cpg naming an encoding that does not exist. Field names are Chinese too (名称 name, 层数 storeys).
    gbk = collection([
        feature(1, {"名称": "人民医院", "层数": 5}, polygon(box(0))),
        feature(2, {"名称": "市图书馆", "层数": 3}, polygon(box(1))),
        feature(3, {"名称": "第一中学", "层数": 4}, polygon(box(2))),
    ])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "gbk.geojson")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(gbk, f, ensure_ascii=False)
        for folder, name in (("gbk", "gbk_buildings"), ("bogus_cpg", "bogus_cpg_buildings")):
            os.makedirs(os.path.join(OUT, folder))
            ogr2ogr(os.path.join(OUT, folder, name + ".shp"), src, "-lco", "ENCODING=CP936")
    write("gbk/gbk_buildings.cpg", "CP936")
    write("bogus_cpg/bogus_cpg_buildings.cpg", "NOT-AN-ENCODING")

    # CityJSON: out-of-range vertex indices in one object of three; no CRS; cut mid-way.
    def cityjson(objects, crs=True):
        doc = {"type": "CityJSON", "version": "2.0",
               "transform": {"scale": [0.001, 0.001, 0.001], "translate": [85000, 446000, 0]}}
        if crs:
            doc["metadata"] = {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/7415"}
        doc["CityObjects"] = objects
        doc["vertices"] = [[0, 0, 0], [10000, 0, 0], [10000, 10000, 0], [0, 10000, 0],
                           [0, 0, 9000], [10000, 0, 9000], [10000, 10000, 9000], [0, 10000, 9000]]
        return doc

    def block(ids):
        return {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": ids}]}

    good = [[[0, 3, 2, 1]], [[4, 5, 6, 7]], [[0, 1, 5, 4]], [[1, 2, 6, 5]], [[2, 3, 7, 6]], [[3, 0, 4, 7]]]
    write_json("cityjson_bad_indices.city.json", cityjson({
        "good-1": block(good),
        "bad-index": block([[[0, 1, 42, 4]]] + good[1:]),
        "good-2": block(good[:2]),
    }))
    write_json("cityjson_no_crs.city.json", cityjson({"b1": block(good)}, crs=False))
    text = json.dumps(cityjson({"b1": block(good), "b2": block(good)}), indent=1)
    write("truncated.city.json", text[: len(text) // 2])

    # Absurd heights: negative, over 1000 m, a storey count that makes 1200 m, a base above the height.
    write_json("absurd_heights.geojson", collection([
        feature(1, {"height": 12.0, "levels": None, "min_height": None}, polygon(box(0))),
        feature(2, {"height": -5.0, "levels": None, "min_height": None}, polygon(box(1))),
        feature(3, {"height": 2500.0, "levels": 4, "min_height": None}, polygon(box(2))),
        feature(4, {"height": None, "levels": 400, "min_height": None}, polygon(box(3))),
        feature(5, {"height": 20.0, "levels": None, "min_height": 30.0}, polygon(box(4))),
        feature(6, {"height": 1e6, "levels": None, "min_height": None}, polygon(box(5))),
    ]))

    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"wrote {OUT} ({total / 1024:.1f} KiB)")


if __name__ == "__main__":
    main()
