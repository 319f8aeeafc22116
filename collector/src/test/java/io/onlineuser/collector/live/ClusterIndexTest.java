package io.onlineuser.collector.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import io.onlineuser.collector.model.SessionInfo;
import org.junit.jupiter.api.Test;

class ClusterIndexTest {

    private final ClusterIndex index = new ClusterIndex();

    @Test
    void serversComeInIdOrderWhateverOrderTheyAreClaimedAndDropped() {
        ConnectorFeed feed = feed();
        for (String id : List.of("conn-3", "conn-10", "conn-1", "conn-2")) {
            index.claim(id, feed);
        }
        assertThat(ids()).containsExactly("conn-1", "conn-10", "conn-2", "conn-3");

        index.drop(index.server("conn-10"));
        index.claim("conn-0", feed);
        assertThat(ids()).containsExactly("conn-0", "conn-1", "conn-2", "conn-3");
    }

    @Test
    void aServerIdHeldByAnotherFeedIsNotClaimedTwice() {
        ConnectorFeed first = feed();
        ServerUsers held = index.claim("conn-1", first);
        assertThat(index.claim("conn-1", feed())).isNull();
        assertThat(index.claim("conn-1", first)).isSameAs(held);
        assertThat(ids()).containsExactly("conn-1");
    }

    @Test
    void theOnlineAnswerListsServersInIdOrder() {
        ConnectorFeed feed = feed();
        for (String id : List.of("conn-b", "conn-c", "conn-a")) {
            index.replace(index.claim(id, feed), List.of(new SessionInfo(id, 1, "u-" + id, id, 1000, "10.0.0.1:5000")), false, "first listing");
        }
        LiveSnapshot online = new LiveAnswers(index, 10_000).online(List.of(), Map.of(), System.currentTimeMillis());
        assertThat(online.status().keySet()).containsExactly("conn-a", "conn-b", "conn-c");
    }

    private List<String> ids() {
        return index.servers().stream().map(server -> server.serverId).toList();
    }

    private ConnectorFeed feed() {
        ConnectorClient client = new ConnectorClient(new ConnectorTarget(URI.create("http://127.0.0.1:1/jolokia"), null, null, null), 1000);
        return new ConnectorFeed(client, index, 100, 100, 5000);
    }
}
