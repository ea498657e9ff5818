package dev.forecourt.parts.stock;

/** A reference to the document a movement is booked against, e.g. repair order {@code ro-42}. */
public record DocumentRef(DocumentType type, String id) {
}
