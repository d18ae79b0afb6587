// Charts drawn with the vendored d3 (and topojson-client for the map). Data comes from
// <script type="application/json"> blocks written by the server; text is set with .text().
"use strict";
(function () {
  function data(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  const statusColor = {fulfilled: "#17803d", in_progress: "#0e7490", partial: "#ca8504", stalled: "#86198f",
    broken: "#b42318", moot: "#98a2b3", announced: "#3538cd"};

  // Compliance: one bar per party, its percent (50 x (score + 1)), with the count scored.
  const comp = data("compliance-data");
  const compEl = document.getElementById("compliance-chart");
  if (comp && compEl) {
    const rows = comp.filter(c => c.percent !== null);
    const width = compEl.clientWidth || 500, barH = 24, left = 70, right = 70;
    const height = Math.max(60, rows.length * (barH + 8) + 30);
    compEl.style.minHeight = height + "px";
    const svg = d3.select(compEl).append("svg").attr("viewBox", [0, 0, width, height]);
    const x = d3.scaleLinear().domain([0, 100]).range([left, width - right]);
    svg.append("g").attr("transform", "translate(0," + (height - 22) + ")")
      .call(d3.axisBottom(x).ticks(5).tickFormat(d => d + " %"));
    const g = svg.selectAll("g.row").data(rows).join("g").attr("class", "row")
      .attr("transform", (d, i) => "translate(0," + (8 + i * (barH + 8)) + ")");
    g.append("text").attr("x", left - 8).attr("y", barH / 2 + 4).attr("text-anchor", "end")
      .attr("font-size", 12).text(d => d.group);
    g.append("rect").attr("x", x(0)).attr("height", barH).attr("width", d => x(d.percent) - x(0))
      .attr("fill", d => d.percent >= 60 ? "#17803d" : d.percent >= 40 ? "#ca8504" : "#b42318").attr("rx", 3);
    g.append("text").attr("x", d => x(d.percent) + 6).attr("y", barH / 2 + 4).attr("font-size", 12)
      .text(d => Math.round(d.percent) + " % (" + d.scored + ")");
    if (!rows.length) svg.append("text").attr("x", 12).attr("y", 24).text("Nothing scored yet.");
  }

  // Network: force layout, arrows for commitments, grey lines for shared events.
  const net = data("network-data");
  const netEl = document.getElementById("network");
  if (net && netEl) {
    const width = netEl.clientWidth || 800, height = netEl.clientHeight || 520;
    const svg = d3.select(netEl).append("svg").attr("viewBox", [0, 0, width, height]);
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -5 10 10").attr("refX", 18)
      .attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
      .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", "#1f5fbf");
    const nodes = net.nodes.map(d => Object.assign({}, d));
    const links = net.links.map(d => Object.assign({}, d));
    const color = {state: "#1f5fbf", person: "#b54708", organization: "#17803d", alliance: "#86198f",
      place: "#667085"};
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(d => d.id).distance(130))
      .force("charge", d3.forceManyBody().strength(-600))
      .force("x", d3.forceX(width / 2).strength(0.06))
      .force("y", d3.forceY(height / 2).strength(0.1))
      .force("collide", d3.forceCollide(40))
      .stop();
    sim.tick(300);  // lay out before the first paint: the page shows a settled graph
    const link = svg.append("g").selectAll("line").data(links).join("line")
      .attr("stroke", d => d.kind === "commitment" ? "#1f5fbf" : "#c0c6d0")
      .attr("stroke-width", d => Math.min(6, 1 + Math.log2(1 + d.weight)))
      .attr("marker-end", d => d.kind === "commitment" ? "url(#arrow)" : null);
    const node = svg.append("g").selectAll("g").data(nodes).join("g").style("cursor", "pointer")
      .on("click", (ev, d) => { window.location.href = "/actors/" + encodeURIComponent(d.id); })
      .call(d3.drag()
        .on("start", (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
        .on("drag", (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
        .on("end", (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
    node.append("circle").attr("r", d => 6 + Math.min(10, Math.sqrt(d.weight)))
      .attr("fill", d => color[d.kind] || "#667085").attr("stroke", "#fff").attr("stroke-width", 1.5);
    node.append("text").attr("class", "label").attr("x", 12).attr("y", 4).attr("font-size", 11).text(d => d.name);
    node.append("title").text(d => d.name + " (" + d.kind + ")");
    function draw() {
      for (const n of nodes) { n.x = Math.max(20, Math.min(width - 90, n.x)); n.y = Math.max(20, Math.min(height - 20, n.y)); }
      link.attr("x1", d => d.source.x).attr("y1", d => d.source.y).attr("x2", d => d.target.x).attr("y2", d => d.target.y);
      node.attr("transform", d => "translate(" + d.x + "," + d.y + ")");
    }
    draw();
    sim.on("tick", draw);
  }

  // Timeline: events and deadlines as dots along time.
  const tl = data("timeline-data");
  const tlEl = document.getElementById("timeline-chart");
  if (tl && tlEl) {
    const parse = s => { const p = (s || "").split("-").map(Number); return new Date(p[0], (p[1] || 1) - 1, p[2] || 1); };
    const rows = tl.filter(r => r.date);
    const width = tlEl.clientWidth || 800, height = 160;
    tlEl.style.minHeight = height + "px";
    const svg = d3.select(tlEl).append("svg").attr("viewBox", [0, 0, width, height]);
    if (rows.length) {
      const ext = d3.extent(rows, r => parse(r.date));
      const x = d3.scaleTime().domain([d3.timeMonth.offset(ext[0], -1), d3.timeMonth.offset(ext[1], 1)])
        .range([30, width - 30]);
      svg.append("g").attr("transform", "translate(0," + (height - 24) + ")").call(d3.axisBottom(x).ticks(width / 90));
      const lane = r => r.type === "deadline" ? 95 : 45;
      svg.append("text").attr("x", 30).attr("y", 25).attr("font-size", 11).attr("fill", "#667085").text("events");
      svg.append("text").attr("x", 30).attr("y", 75).attr("font-size", 11).attr("fill", "#667085").text("deadlines");
      svg.selectAll("circle").data(rows).join("circle").attr("cx", r => x(parse(r.date))).attr("cy", lane)
        .attr("r", 6).attr("fill", r => r.type === "deadline" ? (statusColor[r.status] || "#b54708") : "#1f5fbf")
        .attr("opacity", 0.75).append("title").text(r => r.date + " " + (r.kind || "") + ": " + (r.what || ""));
    }
  }

  // Map: world-atlas shapes (ISO numeric ids) coloured by commitments made or received.
  const states = data("map-data");
  const mapEl = document.getElementById("map");
  if (states && mapEl) {
    Promise.all([fetch("/static/vendor/countries-50m.json").then(r => r.json()),
                 fetch("/static/vendor/iso3166-numeric.json").then(r => r.json())]).then(([world, iso]) => {
      const byNum = new Map();
      for (const s of states) if (iso[s.key]) byNum.set(iso[s.key], s);
      const width = mapEl.clientWidth || 800, height = mapEl.clientHeight || 520;
      const countries = topojson.feature(world, world.objects.countries);
      const involved = {type: "FeatureCollection", features: countries.features.filter(f => byNum.has(f.id))};
      const land = {type: "FeatureCollection", features: countries.features.filter(f => f.id !== "010")};
      const projection = d3.geoNaturalEarth1().fitExtent([[10, 10], [width - 10, height - 10]], land);
      const path = d3.geoPath(projection);
      const max = d3.max(states, s => s.made + s.received) || 1;
      const shade = d3.scaleSequential(d3.interpolateBlues).domain([0, max]);
      const svg = d3.select(mapEl).append("svg").attr("viewBox", [0, 0, width, height]);
      svg.append("g").selectAll("path").data(countries.features).join("path").attr("d", path)
        .attr("fill", f => byNum.has(f.id) ? shade(0.25 * max + 0.75 * (byNum.get(f.id).made + byNum.get(f.id).received)) : "#eef0f3")
        .attr("stroke", "#fff").attr("stroke-width", 0.5)
        .style("cursor", f => byNum.has(f.id) ? "pointer" : null)
        .on("click", (ev, f) => { const s = byNum.get(f.id); if (s) window.location.href = "/actors/" + encodeURIComponent(s.key); })
        .append("title").text(f => { const s = byNum.get(f.id); return (f.properties && f.properties.name || "") +
          (s ? ": " + s.made + " made, " + s.received + " received, " + s.overdue + " overdue" : ""); });
      svg.append("g").selectAll("text").data(involved.features).join("text").attr("class", "label")
        .attr("transform", f => "translate(" + path.centroid(f) + ")").attr("text-anchor", "middle")
        .attr("font-size", 11).attr("font-weight", 600).attr("fill", "#14213d")
        .text(f => byNum.get(f.id).key);
    });
  }
})();
