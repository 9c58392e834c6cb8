"""Reading what surveyors hand over: tables, shapefile encodings, CAD drawings, coordinate files."""
