package dev.forecourt.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PagedFindTest {

    private final AtomicInteger counts = new AtomicInteger();

    private long total(int page, int size, int found, long inStore) {
        return PagedFind.total(new Paging(page, size), found, () -> {
            counts.incrementAndGet();
            return inStore;
        });
    }

    @Test
    void aPageWithRoomLeftIsTheLastOneAndTellsTheTotalWithoutACount() {
        assertThat(total(0, 20, 11, 11)).isEqualTo(11);
        assertThat(total(2, 20, 7, 47)).isEqualTo(47);
        assertThat(total(0, 20, 0, 0)).isZero();
        assertThat(counts).hasValue(0);
    }

    @Test
    void aFullPageOrOnePastTheEndIsCounted() {
        assertThat(total(0, 20, 20, 57)).isEqualTo(57);
        assertThat(total(1, 20, 20, 40)).isEqualTo(40);
        assertThat(total(9, 20, 0, 57)).isEqualTo(57);
        assertThat(counts).hasValue(3);
    }
}
