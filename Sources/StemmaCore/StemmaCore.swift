// StemmaCore: pure algorithms over text, no I/O. See StemmaCore.docc for the overview.
