package dev.forecourt.workshop.repairorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.forecourt.platform.money.Money;

/**
 * The bill (结算单) of a repair order, worked out when the quality check passed: labour (hours × the
 * rate of the job's pay type), parts (issued quantity less returns × the line's price), other
 * charges, approved discounts, each for one payer; VAT at {@code vatRate} on each payer's net,
 * rounded half up to the cent. A later change to the order issues the next revision.
 */
public record Bill(String billId, int revision, List<BillLine> lines, List<BillShare> shares, Money total, BigDecimal vatRate,
                   Instant issuedAt, Instant settledAt) {

    static Bill workOut(String billId, int revision, List<Job> jobs, List<PartsLine> parts, List<OtherCharge> charges,
                        Tariff tariff, Instant now) {
        Money zero = Money.zero(Money.CNY);
        List<BillLine> lines = new ArrayList<>();
        for (Job job : jobs) {
            if (job.getStatus().counts()) {
                Money rate = tariff.rateOf(job.getPayType());
                lines.add(new BillLine(BillLine.Kind.LABOUR, job.getId(), job.getOperation().code() + " " + job.getOperation().description(),
                        job.getHours(), rate, rate.times(job.getHours()), job.getPayType()));
            }
        }
        for (PartsLine line : parts) {
            int net = line.getIssuedQuantity() - line.getReturnedQuantity();
            if (!line.isRemoved() && net > 0) {
                Money price = line.getUnitPrice() == null ? zero : line.getUnitPrice();
                lines.add(new BillLine(BillLine.Kind.PARTS, line.getId(), line.getPartNumber() + " " + line.getDescription(),
                        BigDecimal.valueOf(net), price, price.times(BigDecimal.valueOf(net)), line.getPayType()));
            }
        }
        for (OtherCharge charge : charges) {
            lines.add(new BillLine(charge.discount() ? BillLine.Kind.DISCOUNT : BillLine.Kind.OTHER_CHARGE, charge.id(),
                    charge.description(), BigDecimal.ONE, null, charge.discount() ? zero.minus(charge.amount()) : charge.amount(),
                    charge.payer()));
        }
        Map<PayType, List<BillLine>> byPayer = new EnumMap<>(PayType.class);
        lines.forEach(l -> byPayer.computeIfAbsent(l.payer(), p -> new ArrayList<>()).add(l));
        List<BillShare> shares = new ArrayList<>();
        Money total = zero;
        for (Map.Entry<PayType, List<BillLine>> payer : byPayer.entrySet()) {
            Money labour = sum(payer.getValue(), BillLine.Kind.LABOUR);
            Money partsTotal = sum(payer.getValue(), BillLine.Kind.PARTS);
            Money other = sum(payer.getValue(), BillLine.Kind.OTHER_CHARGE);
            Money discounts = zero.minus(sum(payer.getValue(), BillLine.Kind.DISCOUNT));
            Money net = labour.plus(partsTotal).plus(other).minus(discounts);
            Money vat = new Money(net.amount().multiply(tariff.vatRate()).setScale(2, RoundingMode.HALF_UP), Money.CNY);
            Money gross = net.plus(vat);
            shares.add(new BillShare(payer.getKey(), labour, partsTotal, other, discounts, net, vat, gross));
            total = total.plus(gross);
        }
        return new Bill(billId, revision, List.copyOf(lines), List.copyOf(shares), total, tariff.vatRate(), now, null);
    }

    private static Money sum(List<BillLine> lines, BillLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(BillLine::amount).reduce(Money.zero(Money.CNY), Money::plus);
    }

    /** The gross the customer pays at the cashier (zero when nothing is customer-paid). */
    public Money customerDue() {
        return shares.stream().filter(s -> s.payer() == PayType.CUSTOMER).map(BillShare::gross).findFirst()
                .orElse(Money.zero(Money.CNY));
    }

    Bill settled(Instant at) {
        return new Bill(billId, revision, lines, shares, total, vatRate, issuedAt, at);
    }
}
