package io.github.dingtalkroles.archfixtures.clean.cli;

import com.google.inject.Guice;
import io.github.dingtalkroles.archfixtures.clean.inmemory.ThingStore;

/** The composition root may use Guice and print. */
public class Main {
    public static void main(String[] args) {
        Guice.createInjector();
        System.out.println(new ThingStore().thing());
    }
}
