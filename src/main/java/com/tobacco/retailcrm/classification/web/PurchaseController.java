package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.classification.service.PurchaseFileImport;
import com.tobacco.retailcrm.classification.service.PurchaseReceiver;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * 购进 from the distribution system (API.md "Purchases"). Sent by the distribution department (配送部, also the
 * distribution system's own account) and by the market department (市场部, which corrects and reloads figures).
 */
@RestController
@RequestMapping("/api/v1/purchases")
class PurchaseController {

    static final String SENDERS = "hasAnyRole('DISTRIBUTION_DEPT','MARKET_DEPT')";

    private final PurchaseReceiver receiver;
    private final PurchaseFileImport fileImport;
    private final Messages messages;

    PurchaseController(PurchaseReceiver receiver, PurchaseFileImport fileImport, Messages messages) {
        this.receiver = receiver;
        this.fileImport = fileImport;
        this.messages = messages;
    }

    record ItemError(long index, String message) {
    }

    record Result(int accepted, int rejected, List<ItemError> errors) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SENDERS)
    Result receive(@RequestBody JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("body", "{classification.purchase.error.notArray}");
        }
        if (body.size() > PurchaseReceiver.MAX_ITEMS) {
            throw new InvalidInputException("body", messages.text("classification.purchase.error.tooMany",
                    PurchaseReceiver.MAX_ITEMS));
        }
        List<PurchaseReceiver.Item> items = new ArrayList<>(body.size());
        List<PurchaseReceiver.ItemError> shapeErrors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode n = body.get(i);
            if (!n.isObject()) {
                shapeErrors.add(new PurchaseReceiver.ItemError(i, "classification.purchase.error.notObject", ""));
                continue;
            }
            items.add(new PurchaseReceiver.Item(i, text(n, "orderNo"), text(n, "customerCode"),
                    text(n, "orderDate"), text(n, "qty"), text(n, "amount")));
        }
        PurchaseReceiver.Outcome outcome = receiver.receive(items, CurrentUsers.require().username());
        if (!shapeErrors.isEmpty()) {
            outcome = outcome.plus(new PurchaseReceiver.Outcome(0, shapeErrors.size(), shapeErrors));
        }
        return result(outcome);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SENDERS)
    Result importFile(@RequestPart("file") MultipartFile file) throws IOException {
        Path tmp = Files.createTempFile("purchase-import-", ".upload");
        try {
            file.transferTo(tmp);
            return result(fileImport.importFile(tmp, CurrentUsers.require().username()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A value as text: numbers in plain notation; anything but a string or number is kept as unreadable text. */
    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        return v.isString() ? v.asString() : "?" + v.getNodeType();
    }

    private Result result(PurchaseReceiver.Outcome o) {
        List<ItemError> errors = o.errors().stream()
                .sorted(java.util.Comparator.comparingLong(PurchaseReceiver.ItemError::index))
                .map(e -> new ItemError(e.index(), messages.text(e.messageKey(), e.field()))).toList();
        return new Result(o.accepted(), o.rejected(), errors);
    }
}
