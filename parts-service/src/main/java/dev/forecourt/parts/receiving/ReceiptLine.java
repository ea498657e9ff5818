package dev.forecourt.parts.receiving;

/**
 * One line of a goods receipt as recorded.
 *
 * @param movementId       the ledger entry that put the accepted pieces on the shelf (null if none accepted)
 * @param supplierReturnId the supplier-return record of the rejected pieces (null if none rejected)
 * @param purchaseOrderLine the line of the receipt's purchase order the goods were ordered on (null without one)
 */
public record ReceiptLine(int lineNo, String partNumber, int delivered, int accepted, int rejected, String rejectionReason,
                          String movementId, String supplierReturnId, Integer purchaseOrderLine) {

    public ReceiptLine(int lineNo, String partNumber, int delivered, int accepted, int rejected, String rejectionReason,
                       String movementId, String supplierReturnId) {
        this(lineNo, partNumber, delivered, accepted, rejected, rejectionReason, movementId, supplierReturnId, null);
    }
}
