"""Learning Route planning on the generic engine: translation, decoding, reasons."""
