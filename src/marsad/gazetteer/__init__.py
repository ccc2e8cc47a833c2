"""The gazetteer of Syria: embedded default (governorates, GeoNames cities, our own neighbourhoods,
landmarks and regions) plus OCHA and GeoNames imports kept in the user's data directory."""

from marsad.gazetteer.core import (
    Gazetteer,
    GazetteerError,
    Place,
    data_dir,
    download_geonames,
    import_geonames,
    import_ocha,
    load_gazetteer,
)

__all__ = ["Gazetteer", "GazetteerError", "Place", "data_dir", "download_geonames", "import_geonames",
           "import_ocha", "load_gazetteer"]
