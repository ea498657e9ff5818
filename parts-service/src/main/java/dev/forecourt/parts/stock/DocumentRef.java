package dev.forecourt.parts.stock;

/**
 * A reference to the document a movement is booked against, e.g. repair order {@code ro-42}.
 *
 * @param number the document's human number when it has one ({@code RO2026000006}, {@code CS2026000001})
 * @param lineId the document's line the movement is for (a repair order's parts line), if any
 */
public record DocumentRef(DocumentType type, String id, String number, String lineId) {

    public DocumentRef(DocumentType type, String id) {
        this(type, id, null, null);
    }
}
