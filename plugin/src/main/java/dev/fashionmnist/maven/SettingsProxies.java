package dev.fashionmnist.maven;

import dev.fashionmnist.data.DatasetException;
import dev.fashionmnist.data.DownloadProxy;
import dev.fashionmnist.data.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The active proxies of Maven's settings.xml, with their passwords decrypted, as the core's {@link ProxySettings}. */
final class SettingsProxies {
    private SettingsProxies() {
    }

    static ProxySettings from(Settings settings, SettingsDecrypter decrypter) {
        if (settings == null || settings.getProxies() == null) {
            return ProxySettings.none();
        }
        List<DownloadProxy> proxies = new ArrayList<>();
        for (Proxy declared : settings.getProxies()) {
            if (declared.isActive()) {
                Proxy proxy = decrypted(declared, decrypter);
                proxies.add(new DownloadProxy(proxy.getId(), proxy.getProtocol(), proxy.getHost(), proxy.getPort(),
                        proxy.getUsername(), proxy.getPassword(), proxy.getNonProxyHosts()));
            }
        }
        return new ProxySettings(proxies);
    }

    private static Proxy decrypted(Proxy proxy, SettingsDecrypter decrypter) {
        if (decrypter == null) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new DatasetException("settings.xml: the password of proxy '" + proxy.getId() + "' cannot be "
                        + "decrypted: " + problem.getMessage() + ". Check ~/.m2/settings-security.xml (its master "
                        + "password) or write the proxy's <password> in plain text");
            }
        }
        return result.getProxy() == null ? proxy : result.getProxy();
    }
}
