package dev.forecourt.workshop.repairorder;

/** How the customer paid at the cashier. */
public enum PaymentMethod {
    CASH, CARD, WECHAT_PAY, ALIPAY, BANK_TRANSFER
}
