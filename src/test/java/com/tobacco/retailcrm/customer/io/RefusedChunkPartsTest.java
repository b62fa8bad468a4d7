package com.tobacco.retailcrm.customer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a chunk the archive refused is written again: in halves, then row by row once a part is small. */
class RefusedChunkPartsTest {

    @Test
    void aRefusedChunkIsWrittenAgainInHalvesInFileOrderUntilAPartIsSmallThenRowByRow() {
        List<Integer> rows = IntStream.range(0, 2000).boxed().toList();
        List<List<Integer>> halves = ChunkWriter.parts(rows);
        assertThat(halves).hasSize(2);
        assertThat(halves.get(0)).hasSize(1000).startsWith(0).endsWith(999);
        assertThat(halves.get(1)).hasSize(1000).startsWith(1000).endsWith(1999);
        assertThat(ChunkWriter.parts(rows.subList(0, 17))).extracting(List::size).containsExactly(8, 9);
        assertThat(ChunkWriter.parts(rows.subList(0, ChunkWriter.ONE_BY_ONE)))
                .containsExactlyElementsOf(rows.subList(0, ChunkWriter.ONE_BY_ONE).stream().map(List::of).toList());
    }

    @Test
    void oneBadRowInAChunkOfTwoThousandCostsAboutTwentyTransactionsNotTwoThousand() {
        List<Integer> rows = IntStream.range(0, 2000).boxed().toList();
        assertThat(transactions(rows, 1234)).isBetween(20, 40);
        assertThat(transactions(rows.subList(0, 1), 0)).isEqualTo(1);
    }

    /** Transactions spent writing {@code rows} when only {@code bad} is refused: one, or one more per part. */
    private static int transactions(List<Integer> rows, int bad) {
        if (!rows.contains(bad) || rows.size() == 1) {
            return 1;
        }
        return 1 + ChunkWriter.parts(rows).stream().mapToInt(part -> transactions(part, bad)).sum();
    }
}
