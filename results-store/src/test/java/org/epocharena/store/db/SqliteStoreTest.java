package org.epocharena.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store contract on an SQLite file, the default store; plus what only a file store has. */
class SqliteStoreTest extends StoreContract {
    @Override
    String emptyStoreUrl() {
        return "jdbc:sqlite:" + dir.resolve("results.db");
    }

    @Test
    void readingAStoreThatIsNotThereCreatesNothing() {
        Path db = dir.resolve("absent.db");
        assertThatThrownBy(() -> ResultsStore.open("jdbc:sqlite:" + db, null, null, false))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("no results store at " + db);
        assertThat(db).doesNotExist();
    }

    @Test
    void aStoreInAFolderThatIsNotThereIsRefused() {
        Path db = dir.resolve("no/such/folder/results.db");
        assertThatThrownBy(() -> ResultsStore.open("jdbc:sqlite:" + db, null, null, true))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database\n".repeat(200));
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> ResultsStore.open("jdbc:sqlite:" + db, null, null, true))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(db.toString());
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
