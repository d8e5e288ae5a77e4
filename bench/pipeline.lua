-- wrk script: sends `depth` requests per write (the first script argument), as wrk's classic pipeline.lua does.
--   wrk -t1 -c100 -d10s -s bench/pipeline.lua http://127.0.0.1:8083/ -- 100
init = function(args)
   local depth = tonumber(args[1]) or 1
   local requests = {}
   for i = 1, depth do
      requests[i] = wrk.format()
   end
   pipelined = table.concat(requests)
end

request = function()
   return pipelined
end
