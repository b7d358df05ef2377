package com.plmr.mfa.adapter.out.notify.planted;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.plmr.mfa.adapter.in.rest.planted.PlantedRestAdapter;

/**
 * A notification adapter class that uses the REST adapter, and reads numbering plans outside the
 * phone numbers adapter, on purpose. Test code only.
 */
public final class PlantedNotifyAdapter {

    public boolean possible(String number) {
        return PhoneNumberUtil.getInstance().isPossibleNumber(number, "DE");
    }

    public PlantedRestAdapter caller() {
        return new PlantedRestAdapter();
    }
}
