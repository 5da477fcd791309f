#!/usr/bin/env python3
"""Vector tile sizes per zoom (Python 3 standard library only; run by tile-sizes.sh).

measure: every WebMercatorQuad tile of each tile set within its limits, zoom by zoom, fetched one after the other
from a server without tile cache (so each is built); per tile set and zoom the heaviest tile, its size and the median
of REPEATS more builds of it, the slowest build, how many tiles exceed the budget; and the complete zoom the tile set
metadata and TileJSON tell (absent before the budget existed).

report: RESULTS-tile-sizes.md from the JSON of the runs (before, after), with date, commit and machine load.
"""
import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request


def get(url, accept="application/json"):
    request = urllib.request.Request(url, headers={"Accept": accept})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return status, body, (time.perf_counter() - start) * 1000


def measure(args):
    result = {"label": args.label, "budget": args.budget, "tile_sets": {}}
    for tile_set in args.tile_sets.split(","):
        status, body, _ = get(f"{args.base}{tile_set}/WebMercatorQuad")
        if status != 200:
            sys.exit(f"{tile_set}/WebMercatorQuad answered {status}")
        metadata = json.loads(body)
        complete = {layer["id"]: layer.get("completeFromTileMatrix") for layer in metadata.get("layers", [])}
        _, body, _ = get(f"{args.base}{tile_set}/WebMercatorQuad/tilejson")
        tilejson = json.loads(body)
        zooms = {}
        for limits in metadata["tileMatrixSetLimits"]:
            zoom = int(limits["tileMatrix"])
            if not args.first <= zoom <= args.last:
                continue
            tiles = []
            for row in range(limits["minTileRow"], limits["maxTileRow"] + 1):
                for col in range(limits["minTileCol"], limits["maxTileCol"] + 1):
                    path = f"{tile_set}/WebMercatorQuad/{zoom}/{row}/{col}"
                    status, body, ms = get(args.base + path, "application/vnd.mapbox-vector-tile")
                    if status not in (200, 204):
                        sys.exit(f"{path} answered {status}: {body[:300]!r}")
                    tiles.append((len(body), ms, path))
            size, _, heaviest = max(tiles)
            builds = [get(args.base + heaviest, "application/vnd.mapbox-vector-tile")[2] for _ in range(args.repeats)]
            zooms[zoom] = {"tiles": len(tiles), "heaviest": heaviest, "bytes": size,
                           "build_ms": statistics.median(builds), "slowest_ms": max(ms for _, ms, _ in tiles),
                           "over_budget": sum(1 for b, _, _ in tiles if b > args.budget),
                           "total_bytes": sum(b for b, _, _ in tiles)}
            print(f"[tile-sizes] {args.label} {tile_set} z{zoom}: {len(tiles)} tiles, heaviest {size} bytes "
                  f"({heaviest}), {zooms[zoom]['build_ms']:.0f} ms", file=sys.stderr)
            if args.compare:
                was = json.load(open(args.compare))["tile_sets"].get(tile_set, {}).get("zooms", {}).get(str(zoom))
                if was:
                    status, body, _ = get(args.base + was["heaviest"], "application/vnd.mapbox-vector-tile")
                    builds = [get(args.base + was["heaviest"], "application/vnd.mapbox-vector-tile")[2]
                              for _ in range(args.repeats)]
                    zooms[zoom]["before_heaviest"] = {"bytes": len(body), "build_ms": statistics.median(builds)}
        result["tile_sets"][tile_set] = {
            "zooms": zooms, "complete_from": complete, "tilejson_maxzoom": tilejson.get("maxzoom"),
            "completezoom": {layer["id"]: layer.get("completezoom") for layer in tilejson.get("vector_layers", [])}}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


def kb(n):
    return f"{n / 1000:,.1f}"


def report(args):
    runs = [json.load(open(path)) for path in args.runs]
    before = next((r for r in runs if r["label"] == "before"), None)
    after = next(r for r in runs if r["label"] == "after")
    lines = ["# Vector tile sizes per zoom", "",
             f"Run {args.date} by `bench/tile-sizes.sh` (commit {args.commit}; before: {args.before_jar}), on the "
             f"benchmark city (`bench/sql/city.sql`: 200,000 buildings, 50,000 roads, 10 × 10 km) in PostGIS, "
             f"WebMercatorQuad zoom {args.first}–{args.last}: every tile of each tile set within its limits, fetched "
             f"one after the other from a server without tile cache (`tiles.cacheBytes: 0`), so every tile is built; "
             f"the heaviest tile of each zoom built {args.repeats} times more (median). Budget "
             f"`tiles.maxTileBytes` {after['budget']:,} bytes (the default). Loopback, server, PostgreSQL and client on "
             f"the same {args.cores} cores, shared with other work; load average {args.load}.", ""]
    for tile_set, measured in after["tile_sets"].items():
        old = before["tile_sets"].get(tile_set) if before else None
        complete = ", ".join(f"{layer} from {zoom}" for layer, zoom in measured["complete_from"].items())
        lines += [f"## `{tile_set}`", "",
                  f"Complete (tile set metadata `completeFromTileMatrix`, TileJSON `completezoom`): {complete or 'none'}"
                  f"; TileJSON maxzoom {measured['tilejson_maxzoom']}.", "",
                  "| zoom | tiles | heaviest before, kB | build before, ms | that tile after: kB, ms "
                  "| heaviest after, kB | build after, ms | slowest after, ms | tiles over budget before / after "
                  "| all tiles before / after, MB |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for zoom, now in sorted(measured["zooms"].items(), key=lambda z: int(z[0])):
            was = old["zooms"].get(zoom) if old else None
            lines.append(" | ".join([
                f"| {zoom}", str(now["tiles"]), kb(was["bytes"]) if was else "–",
                f"{was['build_ms']:,.0f}" if was else "–",
                f"{kb(now['before_heaviest']['bytes'])}, {now['before_heaviest']['build_ms']:,.0f}"
                if "before_heaviest" in now else "–", kb(now["bytes"]), f"{now['build_ms']:,.0f}",
                f"{now['slowest_ms']:,.0f}", f"{was['over_budget'] if was else '–'} / {now['over_budget']}",
                f"{was['total_bytes'] / 1e6:,.1f} / {now['total_bytes'] / 1e6:,.1f} |" if was
                else f"– / {now['total_bytes'] / 1e6:,.1f} |"]))
        worst = max(z["bytes"] for z in measured["zooms"].values())
        lines += ["", f"Every tile within the budget: **{'PASS' if worst <= after['budget'] else 'FAIL'}** "
                      f"(heaviest {worst:,} bytes).", ""]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--base", required=True)
    m.add_argument("--label", required=True)
    m.add_argument("--out", required=True)
    m.add_argument("--tile-sets", default="/collections/buildings/tiles,/collections/roads/tiles,/tiles")
    m.add_argument("--budget", type=int, default=500000)
    m.add_argument("--repeats", type=int, default=3)
    m.add_argument("--first", type=int, default=8)
    m.add_argument("--last", type=int, default=16)
    m.add_argument("--compare", help="the JSON of an earlier run: its heaviest tiles are built again here")
    r = sub.add_parser("report")
    r.add_argument("runs", nargs="+")
    r.add_argument("--out", required=True)
    for key in ("date", "commit", "before-jar", "load", "cores"):
        r.add_argument("--" + key, required=True)
    r.add_argument("--repeats", type=int, default=3)
    r.add_argument("--first", type=int, default=8)
    r.add_argument("--last", type=int, default=16)
    args = parser.parse_args()
    measure(args) if args.command == "measure" else report(args)


if __name__ == "__main__":
    main()
