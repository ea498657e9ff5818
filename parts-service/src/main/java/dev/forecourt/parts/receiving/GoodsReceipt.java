package dev.forecourt.parts.receiving;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.parts.stock.Actor;

/** A delivery counted and inspected at the goods-in desk (入库验收). */
@Document("goods_receipts")
public record GoodsReceipt(@Id String id, String storeId, String supplier, String deliveryNote, List<ReceiptLine> lines,
                           ReceiptStatus status, Instant receivedAt, Actor receivedBy) {

    GoodsReceipt posted(List<ReceiptLine> bookedLines) {
        return new GoodsReceipt(id, storeId, supplier, deliveryNote, bookedLines, ReceiptStatus.POSTED, receivedAt, receivedBy);
    }
}
