package dev.forecourt.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

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

    record Task(@Id String code, String dueAt) {
    }

    record Note(String text) {
    }

    private final MongoMappingContext context = new MongoMappingContext();

    @Test
    void theIdFieldIsSortedByTheIdPropertyWhichMapsToTheSameField() {
        Sort sort = Sort.by(Sort.Order.desc("dueAt"), Sort.Order.asc("_id"));

        Sort byProperties = PagedFind.idAsProperty(sort, context, Task.class);

        assertThat(byProperties).isEqualTo(Sort.by(Sort.Order.desc("dueAt"), Sort.Order.asc("code")));
        assertThat(mapped(byProperties, Task.class)).isEqualTo(mapped(sort, Task.class))
                .isEqualTo(new Document("dueAt", -1).append("_id", 1));
    }

    @Test
    void aSortWithoutTheIdFieldOrAnEntityWithoutAnIdIsLeftAlone() {
        Sort byDueDate = Sort.by("dueAt");
        Sort byIdField = Sort.by("_id");

        assertThat(PagedFind.idAsProperty(byDueDate, context, Task.class)).isSameAs(byDueDate);
        assertThat(PagedFind.idAsProperty(byIdField, context, Note.class)).isSameAs(byIdField);
    }

    private Document mapped(Sort sort, Class<?> type) {
        Document document = new Document();
        sort.forEach(order -> document.append(order.getProperty(), order.isAscending() ? 1 : -1));
        QueryMapper mapper = new QueryMapper(new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context));
        return mapper.getMappedSort(document, context.getRequiredPersistentEntity(type));
    }
}
