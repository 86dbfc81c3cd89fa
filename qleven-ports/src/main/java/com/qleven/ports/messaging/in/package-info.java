/** What messaging offers its callers: commands and the views its verbs answer. */
package com.qleven.ports.messaging.in;
