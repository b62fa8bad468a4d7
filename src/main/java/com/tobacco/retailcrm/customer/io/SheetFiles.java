package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.UploadedSheets;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@link UploadedSheets} on the import's own readers, so other uploads parse files exactly as the import does. */
@Component
class SheetFiles implements UploadedSheets {

    @Override
    public void read(Path file, Consumer<Row> rows) {
        CustomerImporter.checkFormat(file);
        try (SheetReader reader = SheetReader.open(file)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.accept(new Row(row.number(), row.cells()));
            }
        } catch (MalformedSheetException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", "{customer.import.error.unreadable}");
        }
    }
}
