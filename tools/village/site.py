"""Dimensions of the village plan: millimetres (mm) or lattice steps of about 0.1 m (steps)."""

SLOT_W, SLOT_H = 116_000, 48_000  # mm: a block of homesteads, a farmland patch, the pond or the open ground
RIDGE = 3_000  # mm of field ridge between the outermost homesteads and the farmland ring
RING = 50_000  # mm, width of the farmland ring
CONTENT_INSET = 5_000  # mm between a slot's edge and the farmland, pond or buildings inside it
LOBES = ("farm_house", "farm_house", "farm_plain", "sliver", "sliver")  # farmland reaching into parcels
LOBE_DEPTH = {"farm_house": 35.0, "farm_plain": 25.0, "sliver": 0.5}  # steps into the parcel
