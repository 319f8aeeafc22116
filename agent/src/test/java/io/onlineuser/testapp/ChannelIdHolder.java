package io.onlineuser.testapp;

/** A small holder of a Netty channel id's text, as some frameworks pass to their binding call. */
public final class ChannelIdHolder {

    private final String channelId;

    public ChannelIdHolder(String channelId) {
        this.channelId = channelId;
    }

    public String getChannelId() {
        return channelId;
    }
}
