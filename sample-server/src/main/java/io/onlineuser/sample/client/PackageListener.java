package io.onlineuser.sample.client;

import io.onlineuser.sample.protocol.PomeloPackage;

/** What a transport reports to its client. */
interface PackageListener {
    void onPackage(PomeloPackage pkg);

    /** The connection is gone, whoever closed it; called once. */
    void onClosed();
}
