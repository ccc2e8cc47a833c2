"""Demo articles written by the Marsad developers for `marsad demo`."""
