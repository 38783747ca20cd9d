"""Page components: one module per panel, each building its layout from the dataset. No callbacks, no file I/O."""
