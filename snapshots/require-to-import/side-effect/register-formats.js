globalThis.formats = ["iso"];
