package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.SensitiveValues;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@link SensitiveValues} with the archive's cipher and masking, so no other module holds crypto of its own. */
@Component
class SealedValues implements SensitiveValues {

    /** What {@link SensitiveDataCipher#encrypt} writes: {@code ALG:keyId:base64}. */
    private static final Pattern SEALED = Pattern.compile("^(AES|SM4):[^:]+:[A-Za-z0-9+/=]+$");

    private final SensitiveDataCipher cipher;
    private final CustomerFields fields;

    SealedValues(SensitiveDataCipher cipher, CustomerFields fields) {
        this.cipher = cipher;
        this.fields = fields;
    }

    @Override
    public boolean isSensitive(String field) {
        return fields.find(field).map(FieldDefinition::sensitive).orElse(false);
    }

    @Override
    public String seal(String field, String value) {
        return value != null && isSensitive(field) ? cipher.encrypt(value) : value;
    }

    @Override
    public String unseal(String field, String stored) {
        return stored != null && isSensitive(field) && SEALED.matcher(stored).matches() ? cipher.decrypt(stored) : stored;
    }

    @Override
    public String masked(String field, String stored) {
        return isSensitive(field) ? Masking.mask(field, unseal(field, stored)) : stored;
    }
}
