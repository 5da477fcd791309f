"""Copies one layer of an OGC API - Features server to a GeoJSON file with a recent GDAL (the one pyogrio bundles).

Debian's GDAL 3.6 has no CRS open option for its OAPIF driver; GDAL 3.7 added it. Usage:
    python copy_layer.py URL LAYER CRS WHERE OUTPUT.geojson
CRS and WHERE may be empty. Prints the GDAL version and the items requests GDAL sent.
"""
import sys

import pyogrio
import pyogrio.raw as raw

url, layer, crs, where, output = sys.argv[1:6]
pyogrio.set_gdal_config_options({"CPL_DEBUG": "ON"})
options = {"CRS": crs} if crs else {}
meta, fids, geometry, fields = raw.read("OAPIF:" + url, layer=layer, where=where or None, return_fids=True,
                                       **options)
# the feature ids (GDAL's FIDs) become a property "gdal_fid", so the copy can be compared feature by feature
raw.write(output, geometry, [*fields, fids], [*meta["fields"], "gdal_fid"], driver="GeoJSON", crs=meta["crs"],
          geometry_type=meta["geometry_type"])
print("GDAL", pyogrio.__gdal_version_string__, "features", len(geometry))
